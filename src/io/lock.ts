/**
 * One writer at a time: the workspace lock is the directory `.lynx/lock`, holding owner.json (pid,
 * host, command, since). It is built complete in .lynx/tmp and renamed into place — rename(2) of a
 * directory onto a non-empty one fails — so a lock never exists without its owner, and two
 * processes that race for a free lock cannot both win.
 *
 * A lock whose owner is missing, empty or unreadable, or is a dead process on this host, protects
 * nothing and is taken over at once: by renaming it away to a private name (only one of several
 * takers can rename a given directory; the others get ENOENT), checking that what was renamed is the
 * lock that was judged stale, then acquiring as usual. A legacy lock (proper-lockfile's empty
 * directory + .lynx/lock.owner.json) is read the same way.
 */
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as Os from 'node:os';
import { join } from 'node:path';
import { randomHex } from '../core/hash.js';
import { LockedError } from '../core/errors.js';
import { CAPS, readRegularText } from './fsx-read.js';
import { lynxDir, writeFileAtomicSync } from './fsx.js';

// node:os only when a lock is actually inspected: status checks for one on every run
const hostname = (): string => (createRequire(import.meta.url)('node:os') as typeof Os).hostname();

export interface LockOwner {
  pid: number;
  host: string;
  command: string;
  since: string;
}

export const lockDir = (root: string): string => join(root, '.lynx');
const lockPath = (root: string): string => join(root, '.lynx', 'lock');
const legacyOwner = (root: string): string => join(root, '.lynx', 'lock.owner.json');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function parseOwner(text: string | undefined): LockOwner | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  try {
    const o = JSON.parse(text) as Partial<LockOwner> | null;
    return o && typeof o.pid === 'number' && typeof o.host === 'string'
      ? { pid: o.pid, host: o.host, command: String(o.command ?? '?'), since: String(o.since ?? '?') }
      : undefined;
  } catch {
    return undefined;
  }
}

const readOwnerText = (file: string): string | undefined => {
  try {
    return readRegularText(file, { display: file, cap: CAPS.text, optional: true });
  } catch {
    return undefined;
  }
};

/** The owner of the lock at `dir` (its owner.json, else the legacy file beside it). */
function ownerOf(dir: string, root: string): LockOwner | undefined {
  return (
    parseOwner(readOwnerText(join(dir, 'owner.json'))) ??
    (dir === lockPath(root) ? parseOwner(readOwnerText(legacyOwner(root))) : undefined)
  );
}

export function readLockOwner(root: string): LockOwner | undefined {
  return ownerOf(lockPath(root), root);
}

const isStale = (owner: LockOwner | undefined): boolean =>
  owner === undefined || (owner.host === hostname() && !alive(owner.pid));

const exists = (p: string): boolean => {
  try {
    statSync(p);
    return true;
  } catch {
    return false;
  }
};

/** Is the workspace lock held, and by a live process? (doctor uses this) */
export function lockState(root: string): 'free' | 'held' | 'stale' {
  if (!exists(lockPath(root))) return 'free';
  return isStale(readLockOwner(root)) ? 'stale' : 'held';
}

export type Release = () => Promise<void>;

function privateName(root: string, what: string): string {
  const tmp = join(lynxDir(root), 'tmp');
  mkdirSync(tmp, { recursive: true });
  return join(tmp, `lock-${what}.${process.pid}.${randomHex(4)}`);
}

/** Try to put a complete lock in place; false when one is already there. */
function tryCreate(root: string, owner: LockOwner): boolean {
  // rename(2) would replace an *empty* directory, e.g. a legacy lock: look first
  if (exists(lockPath(root))) return false;
  const candidate = privateName(root, 'new');
  mkdirSync(candidate, { recursive: true });
  writeFileAtomicSync(join(candidate, 'owner.json'), JSON.stringify(owner));
  try {
    renameSync(candidate, lockPath(root));
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'ENOTDIR' || code === 'EISDIR') return false;
    throw e;
  } finally {
    rmSync(candidate, { recursive: true, force: true });
  }
}

/**
 * Take a stale lock away. Only one taker can rename it; the winner checks the directory it got is
 * still the stale one (same owner text, same inode) — if a fresh lock slipped in between the
 * judgement and the rename, it is put back untouched.
 */
function takeOver(root: string, judged: { ino: number; owner: string }): void {
  const away = privateName(root, 'stale');
  try {
    renameSync(lockPath(root), away);
  } catch {
    return;
  } // another taker won, or it is gone
  const got = { ino: statSync(away).ino, owner: JSON.stringify(ownerOf(away, root) ?? null) };
  if (got.ino !== judged.ino || (got.owner !== judged.owner && got.owner !== 'null')) {
    try {
      renameSync(away, lockPath(root));
    } catch {
      process.emitWarning('workspace lock: a fresh lock was taken over by mistake and could not be put back');
    }
    return;
  }
  rmSync(away, { recursive: true, force: true });
  rmSync(legacyOwner(root), { force: true });
}

/**
 * Race-test hook: LYNX_TEST_TAKEOVER_PAUSE_MS widens the window between judging a lock stale and
 * taking it over, so a test can make two takers overlap there every time (see lock.test.ts).
 */
function pauseForRaceTest(): void {
  const ms = Number(process.env.LYNX_TEST_TAKEOVER_PAUSE_MS ?? 0);
  if (ms > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export function acquireLock(root: string, command: string): Promise<Release> {
  lynxDir(root);
  const me: LockOwner = { pid: process.pid, host: hostname(), command, since: new Date().toISOString() };
  for (let attempt = 0; ; attempt++) {
    if (tryCreate(root, me)) break;
    let judged: { ino: number; owner: string };
    try {
      judged = { ino: statSync(lockPath(root)).ino, owner: JSON.stringify(readLockOwner(root) ?? null) };
    } catch {
      continue;
    } // released meanwhile: try again
    const owner = readLockOwner(root);
    if (!isStale(owner) || attempt >= 3) {
      const who = owner ? `pid ${owner.pid} (${owner.command}) since ${owner.since}` : 'another lynx process';
      return Promise.reject(
        new LockedError(`the workspace is locked by ${who}`, {
          hint: 'Wait for it to finish. If no lynx process is running, run `lynx doctor` to inspect the lock.',
        }),
      );
    }
    // The owner died without releasing (SIGKILL, power loss), or never got to write its name: take over.
    pauseForRaceTest();
    takeOver(root, judged);
  }
  return Promise.resolve(() => {
    // only our own lock is released (renamed away first, so nobody sees a lock without its owner)
    const owner = readLockOwner(root);
    if (owner?.pid === process.pid && owner.host === me.host && owner.since === me.since) {
      const away = privateName(root, 'released');
      try {
        renameSync(lockPath(root), away);
        rmSync(away, { recursive: true, force: true });
      } catch {
        /* gone already */
      }
    }
    return Promise.resolve();
  });
}

/** Run fn while holding the workspace lock; always release, even when fn throws. */
export async function withLock<T>(root: string, command: string, fn: () => Promise<T>): Promise<T> {
  const release = await acquireLock(root, command);
  // SIGTERM exits at once (the entry point's 143): release on the way out too, so no lock is left
  // for the next command to judge stale (the release itself is synchronous work)
  const onExit = (): void => {
    void release();
  };
  process.once('exit', onExit);
  try {
    return await fn();
  } finally {
    process.off('exit', onExit);
    await release();
  }
}

/** Leftovers of killed takers and releases in .lynx/tmp (for tests and doctor). */
export const lockLeftovers = (root: string): string[] => {
  try {
    return readdirSync(join(root, '.lynx', 'tmp')).filter((n) => n.startsWith('lock-'));
  } catch {
    return [];
  }
};
