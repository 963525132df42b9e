/**
 * lynx manifest check [PATH…]: each manifest's schema (the required core fields) and provenance —
 * git_sha names a commit that is an ancestor of HEAD, git_dirty is false, the timestamps parse and
 * wall_seconds agrees with them. One line per manifest; exit 1 when any has a problem, 2 when one
 * cannot be read.
 */
import { lstatSync } from 'node:fs';
import { CAPS, readRegularText } from '../io/fsx.js';
import { isAbsolute, relative, resolve } from 'node:path';
import { InputError, LynxError, UsageError } from '../core/errors.js';
import { manifestProblems } from '../core/manifest.js';
import { timeProblems } from '../core/manifest-drift.js';
import type { ManifestCheckResult, ManifestVerdict } from '../core/manifest-results.js';
import * as git from '../io/git.js';
import { findManifests } from '../io/manifest-files.js';
import { parseJson } from '../io/yaml.js';

async function provenance(root: string, snap: git.Snapshot, doc: Record<string, unknown>): Promise<string[]> {
  const problems: string[] = [];
  const sha = doc.git_sha;
  if (typeof sha === 'string' && /^[0-9a-f]{7,40}$/.test(sha)) {
    if (!(await git.inHistoryOf(snap, sha))) {
      problems.push(
        (await git.commitExists(root, sha))
          ? `git_sha ${sha.slice(0, 12)} is a commit but not an ancestor of HEAD (another branch, or history was ` +
              `rewritten)`
          : `git_sha ${sha.slice(0, 12)} is not a commit in this repository`,
      );
    }
  }
  if (doc.git_dirty === true)
    problems.push(
      'git_dirty is true: the run was made from uncommitted code (a quarantine artifact — re-run after committing)',
    );
  return [...problems, ...timeProblems(doc)];
}

async function verdict(
  root: string,
  snap: git.Snapshot,
  abs: string,
  display: string,
  inside: boolean,
): Promise<ManifestVerdict> {
  let doc: unknown;
  try {
    // fsx-read: only a regular file (a FIFO or /dev/zero would hang), capped, strict UTF-8, and — for
    // the workspace's own manifests — a real path inside it; refused files are `unreadable` (exit 2)
    doc = parseJson(readRegularText(abs, { display, cap: CAPS.json, ...(inside ? { root } : {}) }), display).data;
  } catch (err) {
    const msg =
      err instanceof LynxError
        ? err.message
        : `${display}: cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})`;
    return { path: display, status: 'unreadable', problems: [msg] };
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc))
    return { path: display, status: 'unreadable', problems: [`${display}: expected a JSON object`] };
  const d = doc as Record<string, unknown>;
  const problems = [...manifestProblems(d), ...(await provenance(root, snap, d))];
  return {
    path: display,
    status: problems.length === 0 ? 'ok' : 'problems',
    problems,
    ...(typeof d.git_sha === 'string' ? { git_sha: d.git_sha } : {}),
    ...(typeof d.git_dirty === 'boolean' ? { git_dirty: d.git_dirty } : {}),
    ...(typeof d.wall_seconds === 'number' ? { wall_seconds: d.wall_seconds } : {}),
  };
}

export async function manifestCheck(opts: { cwd: string; paths: string[] }): Promise<ManifestCheckResult> {
  const root = await git.topLevel(opts.cwd);
  if (!root)
    throw new UsageError(`not a git repository: ${resolve(opts.cwd)}`, {
      hint: 'Provenance is checked against git history: run this inside the workspace.',
    });
  const targets =
    opts.paths.length > 0
      ? opts.paths.map((p) => {
          const abs = resolve(opts.cwd, p);
          // lstat, not exists: a dangling or looping symlink is refused by the reader, not "not found"
          try {
            lstatSync(abs);
          } catch {
            throw new InputError(`${p}: file not found`, { pos: { file: p } });
          }
          const rel = relative(root, abs);
          const outside = rel.startsWith('..') || isAbsolute(rel);
          return { abs, display: outside ? p : rel, inside: !outside };
        })
      : findManifests(root).map((p) => ({ abs: resolve(root, p), display: p, inside: true }));
  const snap = await git.snapshot(root);
  const manifests: ManifestVerdict[] = [];
  for (const t of targets) manifests.push(await verdict(root, snap, t.abs, t.display, t.inside));
  return { schema_version: 1, root, head: snap.head, manifests, ok: manifests.every((m) => m.status === 'ok') };
}
