/**
 * `lynx checkpoint` only, like the doc cache beside it (./doc-cache.ts): a check's result remembered with the
 * files it read — every one's stamp from the listing (inode, size, mtime, ctime) — and the git facts it used, as
 * the check states them (`git`). The same files unchanged and the same facts give the same result, so a checkpoint
 * over 5,000 unchanged manifests parses none of them and judges none again (issue 20).
 *
 * Derived state, never a source of truth: the gate and `report` never read it. A file with no stamp (reached
 * through a symlink), or changed within RACY_MS of this run (git's "racily clean" rule, as in the doc cache),
 * makes the result unmemoisable (isRacy); a memo that does not parse or names other files proves nothing.
 */
import { fnv1aHex, sha256Parts } from '../core/hash.js';
import { isRacy } from './doc-cache.js';
import type { Stamp } from './listing.js';
import { readCacheJson, writeCacheJson } from './workspace.js';

interface MemoFile {
  v: 1;
  scope: string;
  name: string;
  files: string;
  git: string;
  value: unknown;
}

export interface CheckMemo {
  /** What was remembered for exactly these files unchanged, with the git facts it was stored under. */
  get(name: string, files: readonly string[]): { git: string; value: unknown } | undefined;
  /** Remember a result (temp + rename; best effort), unless a file cannot be vouched for by its stamp. */
  put(name: string, files: readonly string[], git: string, value: unknown): void;
}

/** `stampOf` answers from the listing that found the files; `scope` names the learner and phase. */
export function openCheckMemo(
  root: string,
  scope: string,
  startedMs: number,
  stampOf: (rel: string) => Stamp | undefined,
): CheckMemo {
  const fileOf = (name: string): string => `memo-${fnv1aHex(`memo:${scope}:${name}`)}.json`;
  /** One digest of the paths and their stamps; undefined when one of them has none worth trusting. */
  const filesKey = (files: readonly string[]): string | undefined => {
    const nums = new Float64Array(files.length * 4);
    let i = 0;
    for (const rel of files) {
      const s = stampOf(rel);
      if (!s || isRacy(s, startedMs)) return undefined;
      nums[i++] = s.ino;
      nums[i++] = s.size;
      nums[i++] = s.mtimeMs;
      nums[i++] = s.ctimeMs;
    }
    return sha256Parts([files.join('\0'), new Uint8Array(nums.buffer)]);
  };
  return {
    get(name, files) {
      const m = readCacheJson(root, fileOf(name)) as Partial<MemoFile> | undefined;
      if (m?.v !== 1 || m.scope !== scope || m.name !== name || typeof m.git !== 'string') return undefined;
      const key = filesKey(files);
      return key !== undefined && m.files === key ? { git: m.git, value: m.value } : undefined;
    },
    put(name, files, git, value) {
      const key = filesKey(files);
      if (key === undefined) return;
      writeCacheJson(root, fileOf(name), { v: 1, scope, name, files: key, git, value } satisfies MemoFile);
    },
  };
}
