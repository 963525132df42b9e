/**
 * The history facts CI needs beyond io/git: is this clone shallow, does a commit still exist, and
 * which paths a pull request changed. They turn "not in this branch's history" into a verdict that
 * names the cause (a shallow clone, a squash or rebase merge) and the fix.
 */
import { EnvError, UsageError } from '../core/errors.js';

interface Out {
  ok: boolean;
  stdout: string;
  stderr: string;
}

// child_process loads on first use: check-context imports this module on the checkpoint's start-up path
async function git(cwd: string, args: string[]): Promise<Out> {
  const { execFile } = await import('node:child_process');
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' }, (err, stdout, stderr) => {
      if (err && (err as NodeJS.ErrnoException).code === 'ENOENT')
        reject(new EnvError('git is not installed or not on PATH', { hint: 'Install git 2.x and retry.' }));
      else resolve({ ok: !err, stdout, stderr });
    });
  });
}

/** A `--depth N` clone (actions/checkout's default is depth 1). */
export async function isShallow(cwd: string): Promise<boolean> {
  return (await git(cwd, ['rev-parse', '--is-shallow-repository'])).stdout.trim() === 'true';
}

export async function commitExists(cwd: string, sha: string): Promise<boolean> {
  return (await git(cwd, ['cat-file', '-e', `${sha}^{commit}`])).ok;
}

/**
 * Why a recorded sha (a checkpoint's head_sha, a manifest's git_sha) is not an ancestor of HEAD,
 * with the fix. Asked only after the ancestry check failed, so a passing gate never pays for it.
 */
export async function whyNotInHistory(cwd: string, sha: string): Promise<string> {
  const short = sha.slice(0, 12);
  if (await isShallow(cwd)) {
    return (
      `${short} is not in this shallow clone's history: the clone was made with --depth, so older commits are ` +
      `missing — fetch the whole history (actions/checkout with \`fetch-depth: 0\`, or \`git fetch --unshallow\`)`
    );
  }
  const tail =
    'merge pull requests with a merge commit (not squash or rebase), so the commits a checkpoint names stay in ' +
    "main's history";
  if (await commitExists(cwd, sha)) {
    return (
      `${short} exists but is not an ancestor of HEAD: this branch does not contain the commit the phase closed ` +
      `on (it was rebased or squash-merged after closing, or HEAD is another branch) — ${tail}`
    );
  }
  return (
    `${short} is not a commit in this repository: it comes from another clone, or the history it belonged to was ` +
    `rewritten (a squash or rebase merge, a force-push) — ${tail}; to recover, merge the original branch (which ` +
    `still holds ${short}) with a merge commit`
  );
}

/**
 * The paths changed between `ref` and HEAD, from their merge base (what a pull request touches).
 * Renames count as a delete and an add, so both the old and the new owner are verified.
 */
export async function changedPaths(cwd: string, ref: string): Promise<string[]> {
  const base = await git(cwd, ['merge-base', ref, 'HEAD']);
  if (!base.ok) {
    const shallow = await isShallow(cwd);
    throw new UsageError(
      `--changed-since ${ref}: no common ancestor with HEAD (` +
        `${(base.stderr.trim() || 'unknown revision').split('\n')[0] ?? ''})`,
      {
        hint: shallow
          ? 'This clone is shallow: fetch the whole history (actions/checkout with `fetch-depth: 0`).'
          : `Check that ${ref} names a commit of this repository (fetch it first).`,
      },
    );
  }
  const diff = await git(cwd, ['diff', '--name-only', '--no-renames', '-z', base.stdout.trim(), 'HEAD']);
  if (!diff.ok) throw new EnvError(`git diff ${ref}...HEAD failed: ${diff.stderr.trim()}`);
  return diff.stdout.split('\0').filter(Boolean);
}
