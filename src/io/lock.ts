/**
 * One writer at a time: a workspace lock in .lynx/lock (proper-lockfile: an atomic mkdir, kept
 * fresh by mtime updates). We also record the owner (pid, host, command) so that a lock left by a
 * dead process on this host is recovered at once instead of after the stale timeout, and a lock
 * held by a live process is refused with a message that names it.
 */
import { existsSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as Os from 'node:os';
import { join } from 'node:path';
import { LockedError } from '../core/errors.js';

// node:os only when a lock is actually inspected: status checks for one on every run
const hostname = (): string => (createRequire(import.meta.url)('node:os') as typeof Os).hostname();

export interface LockOwner { pid: number; host: string; command: string; since: string }

export const lockDir = (root: string): string => join(root, '.lynx');
const ownerFile = (root: string): string => join(root, '.lynx', 'lock.owner.json');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readLockOwner(root: string): LockOwner | undefined {
  try {
    return JSON.parse(readFileSync(ownerFile(root), 'utf8')) as LockOwner;
  } catch {
    return undefined;
  }
}

/** Is the workspace lock held, and by a live process? (doctor uses this) */
export function lockState(root: string): 'free' | 'held' | 'stale' {
  if (!existsSync(join(root, '.lynx', 'lock'))) return 'free';
  const owner = readLockOwner(root);
  if (owner && owner.host === hostname() && !alive(owner.pid)) return 'stale';
  return 'held';
}

export type Release = () => Promise<void>;

export async function acquireLock(root: string, command: string): Promise<Release> {
  const lockfile = await import('proper-lockfile');
  mkdirSync(lockDir(root), { recursive: true });
  const target = lockDir(root);
  const opts = { lockfilePath: join(target, 'lock'), stale: 30_000, update: 5_000, realpath: false, retries: 0,
    // never crash from a timer: a compromised lock is reported, the write itself stays atomic
    onCompromised: (e: Error) => { process.emitWarning(`workspace lock compromised: ${e.message}`); } };
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(target, opts);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ELOCKED') throw err;
    const owner = readLockOwner(root);
    if (owner && owner.host === hostname() && !alive(owner.pid)) {
      // The owner died without releasing (SIGKILL, power loss): its lock protects nothing.
      rmSync(join(target, 'lock'), { recursive: true, force: true });
      release = await lockfile.lock(target, opts);
    } else {
      const who = owner ? `pid ${owner.pid} (${owner.command}) since ${owner.since}` : 'another lynx process';
      throw new LockedError(`the workspace is locked by ${who}`, {
        hint: 'Wait for it to finish. If no lynx process is running, run `lynx doctor` to inspect the lock.',
      });
    }
  }
  writeFileSync(ownerFile(root), JSON.stringify({ pid: process.pid, host: hostname(), command, since: new Date().toISOString() }));
  return async () => {
    rmSync(ownerFile(root), { force: true });
    await release().catch(() => undefined);
  };
}

/** Run fn while holding the workspace lock; always release, even when fn throws. */
export async function withLock<T>(root: string, command: string, fn: () => Promise<T>): Promise<T> {
  const release = await acquireLock(root, command);
  try {
    return await fn();
  } finally {
    await release();
  }
}
