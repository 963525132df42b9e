import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { acquireLock, lockState, withLock } from '../../src/io/lock.js';
import { cleanup, repoRoot, tempDir } from '../helpers/cli.js';

afterAll(cleanup);

function fakeLock(root: string, pid: number): void {
  mkdirSync(join(root, '.lynx', 'lock'), { recursive: true });
  writeFileSync(join(root, '.lynx', 'lock.owner.json'), JSON.stringify({ pid, host: hostname(), command: 'lynx report 07', since: '2026-01-01T00:00:00Z' }));
}

describe('workspace lock', () => {
  it('one writer at a time: a second acquire is refused with the owner named', async () => {
    const root = tempDir();
    const release = await acquireLock(root, 'lynx report 00');
    await expect(acquireLock(root, 'lynx report 00')).rejects.toThrow(new RegExp(`locked by pid ${process.pid} \\(lynx report 00\\)`));
    await release();
    expect(lockState(root)).toBe('free');
  });

  it('a lock held by a live process is refused', async () => {
    const root = tempDir();
    const sleeper = spawn('sleep', ['30']);
    try {
      fakeLock(root, sleeper.pid!);
      expect(lockState(root)).toBe('held');
      await expect(withLock(root, 'lynx init', async () => 1)).rejects.toThrow(/locked by pid \d+ \(lynx report 07\)/);
    } finally {
      sleeper.kill();
    }
  });

  it('a lock left by a dead process is recovered at once', async () => {
    const root = tempDir();
    const dead = spawnSync('true').pid;
    fakeLock(root, dead);
    expect(lockState(root)).toBe('stale');
    expect(await withLock(root, 'lynx init', async () => 42)).toBe(42);
    expect(existsSync(join(root, '.lynx', 'lock'))).toBe(false);
  });
});

describe('stale-lock takeover race', () => {
  // Two real processes see the same dead owner at the same instant; exactly one may take the lock.
  const taker = `import { acquireLock } from ${JSON.stringify(join(repoRoot, 'src/io/lock.ts'))};
const [root, startAt] = [process.argv[1], Number(process.argv[2])];
while (Date.now() < startAt) { /* start together */ }
try {
  const release = await acquireLock(root, 'taker ' + process.pid);
  process.stdout.write('won');
  await new Promise((r) => setTimeout(r, 1500)); // hold it until the other taker has decided
  await release();
} catch (e) { process.stdout.write(e.name === 'LockedError' ? 'locked' : 'error ' + e.message); }`;
  const take = (root: string, startAt: number, pause: number) => new Promise<string>((res) => {
    const p = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', taker, root, String(startAt)], { cwd: repoRoot, env: { ...process.env, LYNX_TEST_TAKEOVER_PAUSE_MS: String(pause) } });
    let out = '';
    p.stdout.on('data', (c: Buffer) => { out += c.toString(); });
    p.on('exit', () => res(out));
  });

  it('two processes racing for a dead owner\'s lock: exactly one wins, every round', async () => {
    const dead = spawnSync('true').pid;
    for (let round = 0; round < 6; round++) {
      const root = tempDir();
      fakeLock(root, dead);
      const startAt = Date.now() + 1500; // both are loaded by then
      // both judge the lock stale at once, then one acts 0-150 ms after the other: the window in
      // which a remove-and-retake lets the late one delete the early one's fresh lock
      const outs = (await Promise.all([take(root, startAt, 100), take(root, startAt, 100 + round * 30)])).sort();
      expect(outs, `round ${round}`).toEqual(['locked', 'won']);
      expect(lockState(root)).toBe('free');
    }
  }, 60_000);

  it('an empty or missing owner is stale, not held', async () => {
    const root = tempDir();
    mkdirSync(join(root, '.lynx', 'lock'), { recursive: true });
    writeFileSync(join(root, '.lynx', 'lock.owner.json'), '');
    expect(lockState(root)).toBe('stale');
    expect(await withLock(root, 'lynx attest', async () => 7)).toBe(7);
    mkdirSync(join(root, '.lynx', 'lock'), { recursive: true });
    expect(lockState(root)).toBe('stale');
    expect(await withLock(root, 'lynx attest', async () => 8)).toBe(8);
  });

  it('the owner is inside the lock from the first instant (built in .lynx/tmp, renamed into place)', async () => {
    const root = tempDir();
    const release = await acquireLock(root, 'lynx report 00');
    expect(JSON.parse(readFileSync(join(root, '.lynx', 'lock', 'owner.json'), 'utf8'))).toMatchObject({ pid: process.pid, command: 'lynx report 00' });
    await release();
    expect(lockState(root)).toBe('free');
  });
});
