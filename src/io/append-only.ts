/**
 * Append-only across git history, for any workspace file (the attempt log, the grade log): every
 * committed version must be a prefix of the text now. A version is a prefix exactly when the current bytes
 * cut to its size have its blob id, so git is asked only for ids and sizes (two processes whatever the
 * history), and only a version that is not a prefix is read, to name the changed line.
 *
 * Why not one `git log -p` pass (diffs proving each commit appended at the end): git inflates both sides
 * of every diff, 950 ms for 10k lines over 100 commits, against ~90 ms of hashing here (measured, issue 20).
 * The hashing is the floor: each version's id commits to all of its bytes. (Half of it on a worker thread
 * was tried and measured: no faster on this 2-core machine, ~40 ms more CPU for the worker's start-up.)
 */
import { historyProblems } from '../core/attempts.js';
import { fnv1aHex } from '../core/hash.js';
import * as git from './git.js';
import { versionOids, withSizes, type VersionId } from './git-versions.js';
import { blobId, prefixIds, type PrefixIds } from './prefix-ids.js';
import { readCacheJson, writeCacheJson } from './workspace.js';

/**
 * Problems (file:line: …, naming the commit) when a committed version of `rel` is not a prefix of `text`;
 * `what` names the log in the message ("the attempt log", "the grade log").
 */
export async function appendOnlyProblems(
  root: string,
  rel: string,
  text: string,
  what = 'the attempt log',
  memo = false,
  ids: PrefixIds = prefixIds(text), // shared with the chain memo: the same sizes are hashed once
): Promise<string[]> {
  const { bytes } = ids;
  const listed = await versionOids(root, rel);
  if (listed.length === 0) return [];
  const sha256 = (listed[0]?.oid.length ?? 40) === 64;
  const idOf = (size: number): string => ids.id(size, sha256);
  const m = memo ? readMemo(root, rel, bytes.length, idOf) : undefined;
  const proven = m?.prefixes ?? new Set<string>();
  // a proven version needs no size (git is asked for sizes of the others only: none, when the memo holds)
  const sized = await withSizes(
    root,
    listed.filter((v) => !proven.has(v.oid)),
  );
  const sizeOf = new Map(sized.map((v) => [v.sha, v.size]));
  const versions: VersionId[] = listed.flatMap((v) => {
    const size = proven.has(v.oid) ? 0 : sizeOf.get(v.sha); // 0: never cut, a proven version is skipped below
    return size === undefined ? [] : [{ ...v, size }];
  });
  const fits = versions.filter((v) => v.size <= bytes.length && !proven.has(v.oid));
  const fitIds = fits.map((v) => idOf(v.size));
  const same = new Set([
    ...versions.filter((v) => proven.has(v.oid)).map((v) => v.sha),
    ...fits.filter((v, i) => fitIds[i] === v.oid).map((v) => v.sha),
  ]);
  // rewritten only when it would say something new: the file grew, or a version was proven just now
  const unchanged = m !== undefined && m.size === bytes.length && fits.length === 0;
  if (memo && !unchanged && same.size === versions.length)
    writeCacheJson(root, memoName(rel), {
      v: 1,
      rel,
      size: bytes.length,
      oid: idOf(bytes.length),
      prefixes: [...new Set(versions.map((v) => v.oid))],
    } satisfies Memo);
  // a checkout with CRLF line ends (core.autocrlf) changes the bytes, not the lines: compared as LF
  const lf = text.includes('\r\n') ? text.replace(/\r\n/g, '\n') : undefined;
  let lfIds: Map<string, string> | undefined;
  for (const v of versions) {
    if (same.has(v.sha)) continue;
    if (lf !== undefined) {
      if (!lfIds) {
        const b = Buffer.from(lf, 'utf8');
        const rest = versions.filter((x) => !same.has(x.sha) && x.size <= b.length);
        const got = prefixBlobIds(
          b,
          rest.map((x) => ({ size: x.size, sha256: x.oid.length === 64 })),
        );
        lfIds = new Map(rest.map((x, i) => [x.sha, got[i] ?? '']));
      }
      if (lfIds.get(v.sha) === v.oid) continue;
    }
    const committed = (await git.blobText(root, v.oid)).replace(/\r\n/g, '\n');
    const problems = historyProblems(lf ?? text, [{ sha: v.sha, text: committed }], rel, what);
    if (problems.length > 0) return problems;
  }
  return [];
}

/**
 * The memo (`lynx checkpoint` only; the gate and report always re-verify): "these committed blobs are prefixes of
 * the blob of `size` bytes with id `oid`", a fact about content-addressed objects, kept in .lynx/cache. It stands
 * for the 50 prefix hashes (~130 MB of SHA-1 for 10k lines over 100 commits, issue 20) once the file now still
 * starts with that blob — one hash of `size` bytes proves it, and prefixes of a prefix are prefixes. A memo that
 * does not parse, names another file, or whose blob the file no longer starts with proves nothing.
 */
interface Memo {
  v: 1;
  rel: string;
  size: number;
  oid: string;
  prefixes: string[];
}

// named by a hash of the path: the memo's content is checked, not its name
export const memoName = (rel: string): string => `append-only-${fnv1aHex(rel)}.json`;

/** The memo, when it is well-formed, names `rel` and the file now still starts with its blob; else undefined. */
function readMemo(
  root: string,
  rel: string,
  now: number,
  idOf: (size: number) => string,
): { size: number; prefixes: Set<string> } | undefined {
  const m = readCacheJson(root, memoName(rel)) as Partial<Memo> | undefined;
  const ok =
    m?.v === 1 &&
    m.rel === rel &&
    Number.isSafeInteger(m.size) &&
    (m.size ?? -1) >= 0 &&
    (m.size ?? Infinity) <= now &&
    typeof m.oid === 'string' &&
    Array.isArray(m.prefixes) &&
    m.prefixes.every((p) => typeof p === 'string');
  if (!ok || idOf(m.size ?? 0) !== m.oid) return undefined;
  return { size: m.size ?? 0, prefixes: new Set(m.prefixes) };
}

interface Job {
  size: number;
  sha256: boolean;
}

/** git's blob id of `bytes` cut to each size, in order. */
export function prefixBlobIds(bytes: Uint8Array, jobs: readonly Job[]): string[] {
  return jobs.map((j) => blobId(bytes, j.size, j.sha256));
}
