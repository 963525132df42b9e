import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { acquireLock, lockState, withLock } from '../../src/io/lock.js';
import { cleanup, tempDir } from '../helpers/cli.js';

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
