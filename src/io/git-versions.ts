/**
 * The committed versions of one file (append-only logs, the approved plan, old quiz banks), through the one
 * git adapter (./git.ts): object ids from one `git log --raw`, sizes only when asked, contents never unless a
 * caller reads one version's text (blobText).
 */
import { EnvError } from '../core/errors.js';
import { git, tryGit } from './git.js';

/** A committed version of a file: the commit, and the blob's object id and size in bytes. */
export interface VersionId extends VersionOid {
  size: number;
}

/** A committed version of a file: the commit and the blob's object id. */
export interface VersionOid {
  sha: string;
  oid: string;
}

const ZERO = /^0+$/;

/**
 * Every committed version of a file, newest first, as object ids: ONE `git log --raw` names each commit
 * and the blob it left (a merge: against its first parent), once per distinct blob.
 * A commit that deleted the file left no version. On a git without --diff-merges (before 2.31) the ids
 * come from `git log` and a `cat-file --batch-check` of each commit's path, as before.
 */
export async function versionOids(cwd: string, path: string, limit = 50): Promise<VersionOid[]> {
  const raw = await tryGit(cwd, [
    'log',
    `-${limit}`,
    '--format=%x01%H',
    '--raw',
    '--no-abbrev',
    '--no-renames',
    '--diff-merges=first-parent',
    '-z',
    '--',
    path,
  ]);
  if (raw === undefined) return (await versionIdsOfCommits(cwd, path, limit)).map(({ sha, oid }) => ({ sha, oid }));
  const out: VersionOid[] = [];
  const seen = new Set<string>();
  // -z: "\x01<sha>\0\n:<mode> <mode> <old> <new> <status>\0<path>\0" per commit; the path given is one file
  for (const rec of raw.split('\x01')) {
    const m = /^([0-9a-f]{40}|[0-9a-f]{64})\0\n?:\d+ \d+ [0-9a-f]+ ([0-9a-f]+) ([A-Z])/.exec(rec);
    // a merge that took one side's blob repeats that side's version: one entry per distinct blob
    if (m?.[1] && m[2] && m[3] !== 'D' && !ZERO.test(m[2]) && !seen.has(m[2])) {
      seen.add(m[2]);
      out.push({ sha: m[1], oid: m[2] });
    }
  }
  return out;
}

/** The size in bytes of each blob (one `git cat-file --batch-check`); a missing object is left out. */
export async function blobSizes(cwd: string, oids: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const want = [...new Set(oids)];
  if (want.length === 0) return out;
  const r = await git(cwd, ['cat-file', '--batch-check'], want.map((o) => `${o}\n`).join(''));
  if (!r.ok) throw new EnvError(`git cat-file --batch-check failed: ${r.stderr.trim() || `exit ${r.code}`}`);
  for (const line of r.stdout.toString('utf8').split('\n')) {
    const m = /^([0-9a-f]{40}|[0-9a-f]{64}) blob (\d+)$/.exec(line);
    if (m?.[1]) out.set(m[1], Number(m[2]));
  }
  return out;
}

/**
 * These versions with their blobs' sizes (append-only checks compare ids of prefixes, so a version's size says where
 * to cut): one `cat-file`; a version whose blob git cannot find is left out. Contents are never read here.
 */
export async function withSizes(cwd: string, versions: readonly VersionOid[]): Promise<VersionId[]> {
  const sizes = await blobSizes(
    cwd,
    versions.map((v) => v.oid),
  );
  return versions.flatMap((v) => {
    const size = sizes.get(v.oid);
    return size === undefined ? [] : [{ ...v, size }];
  });
}

/** The pre-2.31 way: the commits from `git log`, each one's blob of `path` from `cat-file --batch-check`. */
export async function versionIdsOfCommits(cwd: string, path: string, limit: number): Promise<VersionId[]> {
  const log = await tryGit(cwd, ['log', `-${limit}`, '--format=%H', '--', path]);
  const shas = (log ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (shas.length === 0) return [];
  const r = await git(cwd, ['cat-file', '--batch-check'], shas.map((sha) => `${sha}:${path}\n`).join(''));
  if (!r.ok) throw new EnvError(`git cat-file --batch-check failed: ${r.stderr.trim() || `exit ${r.code}`}`);
  const out: VersionId[] = [];
  r.stdout
    .toString('utf8')
    .split('\n')
    .forEach((line, i) => {
      const m = /^([0-9a-f]{40}|[0-9a-f]{64}) blob (\d+)$/.exec(line);
      const sha = shas[i];
      if (m && sha) out.push({ sha, oid: m[1] ?? '', size: Number(m[2]) }); // deleted in that commit: not a version
    });
  return out;
}
