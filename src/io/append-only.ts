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
import type * as Crypto from 'node:crypto';
import { historyProblems } from '../core/attempts.js';
import * as git from './git.js';

/**
 * Problems (file:line: …, naming the commit) when a committed version of `rel` is not a prefix of `text`;
 * `what` names the log in the message ("the attempt log", "the grade log").
 */
export async function appendOnlyProblems(
  root: string,
  rel: string,
  text: string,
  what = 'the attempt log',
): Promise<string[]> {
  const bytes = Buffer.from(text, 'utf8');
  const versions = await git.versionIds(root, rel);
  const fits = versions.filter((v) => v.size <= bytes.length);
  const ids = await prefixBlobIds(
    bytes,
    fits.map((v) => ({ size: v.size, sha256: v.oid.length === 64 })),
  );
  const same = new Set(fits.filter((v, i) => ids[i] === v.oid).map((v) => v.sha));
  // a checkout with CRLF line ends (core.autocrlf) changes the bytes, not the lines: compared as LF
  const lf = text.includes('\r\n') ? text.replace(/\r\n/g, '\n') : undefined;
  let lfIds: Map<string, string> | undefined;
  for (const v of versions) {
    if (same.has(v.sha)) continue;
    if (lf !== undefined) {
      if (!lfIds) {
        const b = Buffer.from(lf, 'utf8');
        const rest = versions.filter((x) => !same.has(x.sha) && x.size <= b.length);
        const got = await prefixBlobIds(
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

interface Job {
  size: number;
  sha256: boolean;
}

const blobId = (crypto: typeof Crypto, bytes: Uint8Array, j: Job): string =>
  crypto
    .createHash(j.sha256 ? 'sha256' : 'sha1')
    .update(`blob ${j.size}\0`)
    .update(bytes.subarray(0, j.size))
    .digest('hex');

/** git's blob id of `bytes` cut to each size, in order. */
export async function prefixBlobIds(bytes: Uint8Array, jobs: readonly Job[]): Promise<string[]> {
  const crypto = await import('node:crypto');
  return jobs.map((j) => blobId(crypto, bytes, j));
}
