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
  writeFileSync(
    join(root, '.lynx', 'lock.owner.json'),
    JSON.stringify({ pid, host: hostname(), command: 'lynx report 07', since: '2026-01-01T00:00:00Z' }),
  );
}

describe('workspace lock', () => {
  it('one writer at a time: a second acquire is refused with the owner named', async () => {
    const root = tempDir();
    const release = await acquireLock(root, 'lynx report 00');
    await expect(acquireLock(root, 'lynx report 00')).rejects.toThrow(
      new RegExp(`locked by pid ${process.pid} \\(lynx report 00\\)`),
    );
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
  // Each taker is started once and told by a line on stdin when to take (`go ROOT PAUSE`) and when to
  // let go (`release`): both are loaded and waiting when the two go lines arrive, so they start
  // together without spinning a core until an agreed instant, and the winner holds the lock exactly
  // until the other has decided — no sleeps, and two tsx start-ups in all instead of two a round.
  const taker = `import { acquireLock } from ${JSON.stringify(join(repoRoot, 'src/io/lock.ts'))};
import { createInterface } from 'node:readline';
let release;
for await (const line of createInterface({ input: process.stdin })) {
  const [verb, root, pause] = line.split(' ');
  if (verb === 'go') {
    process.env.LYNX_TEST_TAKEOVER_PAUSE_MS = pause;
    try { release = await acquireLock(root, 'taker ' + process.pid); process.stdout.write('won\\n'); }
    catch (e) { process.stdout.write(e.name === 'LockedError' ? 'locked\\n' : 'error ' + e.message + '\\n'); }
  } else if (verb === 'release') { await release(); release = undefined; process.stdout.write('released\\n'); }
}`;
  interface Taker {
    send: (line: string) => void;
    next: () => Promise<string>;
    stop: () => Promise<unknown>;
  }
  const start = (): Taker => {
    const p = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', taker], {
      cwd: repoRoot,
      env: { ...process.env },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const lines: string[] = [];
    const waiting: ((l: string) => void)[] = [];
    let buf = '';
    p.stdout.on('data', (c: Buffer) => {
      buf += c.toString();
      for (let i = buf.indexOf('\n'); i >= 0; i = buf.indexOf('\n')) {
        const l = buf.slice(0, i);
        buf = buf.slice(i + 1);
        const w = waiting.shift();
        if (w) w(l);
        else lines.push(l);
      }
    });
    return {
      send: (line) => {
        p.stdin.write(`${line}\n`);
      },
      next: () =>
        new Promise<string>((res) => {
          const l = lines.shift();
          if (l !== undefined) res(l);
          else waiting.push(res);
        }),
      stop: () => {
        const exited = new Promise((res) => p.on('exit', res));
        p.stdin.end();
        return exited;
      },
    };
  };

  it("two processes racing for a dead owner's lock: exactly one wins, every round", async () => {
    const dead = spawnSync('true').pid;
    const takers = [start(), start()] as const;
    try {
      for (let round = 0; round < 6; round++) {
        const root = tempDir();
        fakeLock(root, dead);
        // both judge the lock stale at once, then one acts 0-150 ms after the other: the window in
        // which a remove-and-retake lets the late one delete the early one's fresh lock
        takers[0].send(`go ${root} 100`);
        takers[1].send(`go ${root} ${100 + round * 30}`);
        const outs = await Promise.all(takers.map((t) => t.next()));
        expect([...outs].sort(), `round ${round}`).toEqual(['locked', 'won']);
        const winner = takers[outs.indexOf('won')]!;
        winner.send('release');
        expect(await winner.next()).toBe('released');
        expect(lockState(root)).toBe('free');
      }
    } finally {
      await Promise.all(takers.map((t) => t.stop()));
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
    expect(JSON.parse(readFileSync(join(root, '.lynx', 'lock', 'owner.json'), 'utf8'))).toMatchObject({
      pid: process.pid,
      command: 'lynx report 00',
    });
    await release();
    expect(lockState(root)).toBe('free');
  });
});
