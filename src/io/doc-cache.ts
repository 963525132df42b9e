/**
 * `lynx checkpoint` only, like the append-only memo (./append-only.ts): the parsed JSON of the files a phase's
 * checks read, keyed by each file's stamp from the listing (inode, size, mtime, ctime — what git's index keeps
 * for the work tree), so a checkpoint over 5,000 unchanged manifests opens and parses none of them again
 * (issue 20). Derived state, never a source of truth: the gate and `report` never read it; an entry whose stamp
 * differs, and a cache file that is corrupt or names another phase, are ignored and rebuilt.
 *
 * Racy entries are not kept (git's "racily clean" rule): a file changed less than RACY_MS before this run began
 * could be rewritten with the same size within one tick of the filesystem's coarse clock and keep its stamp.
 * Older than that, any later change moves ctime past the stamp.
 */
import { fnv1aHex } from '../core/hash.js';
import type { Stamp } from './listing.js';
import { readCacheJson, writeCacheJson } from './workspace.js';

const RACY_MS = 2000;

/** Changed too close to this run's start for its stamp to prove its bytes (see above); the check memo asks it too. */
export const isRacy = (stamp: Stamp, startedMs: number): boolean =>
  Math.max(stamp.mtimeMs, stamp.ctimeMs) >= startedMs - RACY_MS;

type Entry = [ino: number, size: number, mtimeMs: number, ctimeMs: number, doc: unknown];

interface CacheFile {
  v: 2;
  scope: string;
  entries: Record<string, Entry>;
}

export interface DocCache {
  /** The parsed document a file with this stamp held, or undefined (not cached, or changed since). */
  get(rel: string, stamp: Stamp): unknown;
  put(rel: string, stamp: Stamp, doc: unknown): void;
  /** Write what this run used, when it differs from what was read (temp + rename; best effort). */
  flush(): void;
}

/** `scope` names the learner and phase: each phase's checkpoint keeps its own file (phases never evict each other). */
export function openDocCache(root: string, scope: string, startedMs: number): DocCache {
  const name = `docs-${fnv1aHex(`docs:${scope}`)}.json`;
  let old: Record<string, Entry> = {};
  const raw = readCacheJson(root, name) as Partial<CacheFile> | undefined;
  if (raw?.v === 2 && raw.scope === scope && raw.entries !== null && typeof raw.entries === 'object') old = raw.entries;
  const used: Record<string, Entry> = {};
  let changed = false;
  let hits = 0;
  return {
    get(rel, stamp) {
      const e = Object.hasOwn(old, rel) ? old[rel] : undefined;
      const same =
        Array.isArray(e) &&
        e.length === 5 &&
        e[0] === stamp.ino &&
        e[1] === stamp.size &&
        e[2] === stamp.mtimeMs &&
        e[3] === stamp.ctimeMs;
      if (!same) return undefined;
      used[rel] = e;
      hits++;
      return e[4];
    },
    put(rel, stamp, doc) {
      // a number JSON cannot write back (1e999 parses as Infinity, written as null; -0 as 0) is not cached
      if (isRacy(stamp, startedMs) || !writesBack(doc)) {
        changed ||= Object.hasOwn(old, rel);
        return;
      }
      used[rel] = [stamp.ino, stamp.size, stamp.mtimeMs, stamp.ctimeMs, doc];
      changed = true;
    },
    flush() {
      if (!changed && hits === Object.keys(old).length) return;
      writeCacheJson(root, name, { v: 2, scope, entries: used } satisfies CacheFile);
    },
  };
}

/**
 * Does JSON.stringify give this parsed document back exactly? Every value JSON.parse makes does, except the
 * numbers out of a double's range (Infinity) and -0. (A text test for exponents was wrong: a git sha such as
 * "…4e123…" matched it, and such manifests were never cached.) A loop, not recursion: depth is the learner's.
 */
export function writesBack(doc: unknown): boolean {
  const todo: unknown[] = [doc];
  while (todo.length > 0) {
    const v = todo.pop();
    if (typeof v === 'number') {
      if (!Number.isFinite(v) || Object.is(v, -0)) return false;
    } else if (v !== null && typeof v === 'object') {
      for (const x of Object.values(v)) todo.push(x); // no spread: any length
    }
  }
  return true;
}
