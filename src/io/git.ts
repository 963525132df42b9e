/**
 * The one adapter to git (simple-git, lazily imported). Small named functions; callers never
 * build git command lines themselves. lynx's own state (.lynx/) is never reported as dirty.
 */
import { EnvError } from '../core/errors.js';

type Raw = (args: string[]) => Promise<string>;

async function client(cwd: string): Promise<Raw> {
  const { simpleGit } = await import('simple-git');
  const g = simpleGit({ baseDir: cwd, trimmed: false });
  return (args) => g.raw(args);
}

function gitMissing(err: unknown): boolean {
  const m = String((err as Error)?.message ?? err);
  return /ENOENT|spawn git/.test(m);
}

/** Run git; a missing git binary is an environment failure (exit 3), other failures return undefined. */
async function tryGit(cwd: string, args: string[]): Promise<string | undefined> {
  const raw = await client(cwd);
  try {
    return await raw(args);
  } catch (err) {
    if (gitMissing(err)) throw new EnvError('git is not installed or not on PATH', { cause: err, hint: 'Install git 2.x and retry.' });
    return undefined;
  }
}

async function mustGit(cwd: string, args: string[]): Promise<string> {
  const raw = await client(cwd);
  try {
    return await raw(args);
  } catch (err) {
    if (gitMissing(err)) throw new EnvError('git is not installed or not on PATH', { cause: err });
    throw new EnvError(`git ${args.join(' ')} failed: ${String((err as Error).message).trim()}`, { cause: err });
  }
}

type Out = (args: string[]) => Promise<{ ok: boolean; code: number; stdout: string }>;

/** git through child_process directly: for queries whose answer is the exit code, and for the snapshot (no simple-git or execa on these paths). */
async function execGit(cwd: string): Promise<Out> {
  const { execFile } = await import('node:child_process');
  return (args) => new Promise((resolve, reject) => {
    execFile('git', args, { cwd, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' }, (err, stdout) => {
      if (err && (err as NodeJS.ErrnoException).code === 'ENOENT') reject(new EnvError('git is not installed or not on PATH', { hint: 'Install git 2.x and retry.' }));
      else resolve({ ok: !err, code: err ? (typeof err.code === 'number' ? err.code : 128) : 0, stdout });
    });
  });
}

/**
 * Exit status of a git query whose answer *is* the exit code (merge-base --is-ancestor,
 * check-ignore, cat-file -e). simple-git resolves a non-zero exit with empty stderr as success.
 */
async function gitStatusCode(cwd: string, args: string[]): Promise<number> {
  return (await (await execGit(cwd))(args)).code;
}

export async function topLevel(cwd: string): Promise<string | undefined> {
  return (await tryGit(cwd, ['rev-parse', '--show-toplevel']))?.trim() || undefined;
}

/** HEAD's full sha, or null in a repository with no commits yet. */
export async function headSha(cwd: string): Promise<string | null> {
  const out = await tryGit(cwd, ['rev-parse', '--verify', '-q', 'HEAD']);
  return out?.trim() || null;
}

export async function commitExists(cwd: string, sha: string): Promise<boolean> {
  return (await gitStatusCode(cwd, ['cat-file', '-e', `${sha}^{commit}`])) === 0;
}

/** Is `a` an ancestor of (or equal to) `b`? Unknown shas are not ancestors. */
export async function isAncestor(cwd: string, a: string, b: string): Promise<boolean> {
  return (await gitStatusCode(cwd, ['merge-base', '--is-ancestor', a, b])) === 0;
}

const STATUS_ARGS = ['status', '--porcelain=v2', '--branch', '-z', '--untracked-files=all'];

/** Parse `git status --porcelain=v2 --branch -z`: HEAD's oid and every dirty path (untracked included). */
function parseStatus(out: string): { head: string | null; dirty: string[] } {
  let head: string | null = null;
  const dirty: string[] = [];
  const parts = out.split('\0');
  for (let i = 0; i < parts.length; i++) {
    const e = parts[i] ?? '';
    if (e.startsWith('# branch.oid ')) { const oid = e.slice(13).trim(); head = /^[0-9a-f]{40}$/.test(oid) ? oid : null; continue; }
    if (e.startsWith('1 ')) dirty.push(e.split(' ').slice(8).join(' '));
    else if (e.startsWith('2 ')) { dirty.push(e.split(' ').slice(9).join(' ')); i++; } // -z puts the rename source next
    else if (e.startsWith('u ')) dirty.push(e.split(' ').slice(10).join(' '));
    else if (e.startsWith('? ')) dirty.push(e.slice(2));
  }
  return { head, dirty };
}

const notLynx = (p: string): boolean => !p.startsWith('.lynx/') && p !== '.lynx';

/** Every dirty path, untracked files included, lynx's own .lynx/ state excluded. */
export async function dirtyFiles(cwd: string): Promise<string[]> {
  return parseStatus(await mustGit(cwd, STATUS_ARGS)).dirty.filter(notLynx);
}

/** Tracked at HEAD and unchanged in the index and work tree. */
export async function isCommitted(cwd: string, path: string): Promise<boolean> {
  const inHead = await tryGit(cwd, ['ls-tree', '-r', '--name-only', 'HEAD', '--', path]);
  if (!inHead?.trim()) return false;
  const status = await mustGit(cwd, ['status', '--porcelain=v1', '--untracked-files=all', '--', path]);
  return status.trim() === '';
}

/** Is the path tracked (in the index)? */
export async function isTracked(cwd: string, path: string): Promise<boolean> {
  return (await gitStatusCode(cwd, ['ls-files', '--error-unmatch', '--', path])) === 0;
}

/** The commit that first added `path`, oldest first; undefined when never committed. */
export async function firstCommit(cwd: string, path: string): Promise<{ sha: string; time: number } | undefined> {
  const out = await tryGit(cwd, ['log', '--diff-filter=A', '--format=%H %ct', '--reverse', '--', path]);
  const line = out?.split('\n').find((l) => l.trim() !== '');
  if (!line) return undefined;
  const [sha, t] = line.trim().split(' ');
  return sha ? { sha, time: Number(t) } : undefined;
}

/** Last commit touching `path`. */
export async function lastCommit(cwd: string, path: string): Promise<{ sha: string; time: number } | undefined> {
  const out = await tryGit(cwd, ['log', '-1', '--format=%H %ct', '--', path]);
  const [sha, t] = (out ?? '').trim().split(' ');
  return sha ? { sha, time: Number(t) } : undefined;
}


export async function init(cwd: string): Promise<void> {
  await mustGit(cwd, ['init', '-q', '-b', 'main']);
}

export async function addAll(cwd: string): Promise<void> {
  await mustGit(cwd, ['add', '-A']);
}

export async function commit(cwd: string, message: string): Promise<string> {
  await mustGit(cwd, ['commit', '-q', '-m', message]);
  return (await headSha(cwd)) ?? '';
}

export async function isIgnored(cwd: string, path: string): Promise<boolean> {
  return (await gitStatusCode(cwd, ['check-ignore', '-q', '--', path])) === 0;
}

export async function setLocalConfig(cwd: string, key: string, value: string): Promise<void> {
  await mustGit(cwd, ['config', '--local', key, value]);
}

/**
 * One snapshot of the repository for a whole gate run: three git calls answer every
 * "committed?", "in history?" and "dirty?" question (a gate over 500 manifests must not spawn
 * git 1500 times). Uses child_process directly: no simple-git or execa import on the fast path.
 */
export interface Snapshot { head: string | null; tracked: Set<string>; dirty: string[]; dirtySet: Set<string>; history: () => Promise<string[]> }


export async function snapshot(cwd: string): Promise<Snapshot> {
  const out = await execGit(cwd);
  // status v2 --branch also reports HEAD (one process fewer); rev-list runs only if asked
  const [ls, st] = await Promise.all([out(['ls-files', '-z']), out(STATUS_ARGS)]);
  const { head, dirty } = parseStatus(st.stdout);
  let history: Promise<string[]> | undefined;
  return {
    head, tracked: new Set(ls.stdout.split('\0').filter(Boolean)), dirty: dirty.filter(notLynx), dirtySet: new Set(dirty),
    history: () => (history ??= head ? out(['rev-list', 'HEAD']).then((r) => r.stdout.split('\n').filter(Boolean)) : Promise.resolve([])),
  };
}

/** Committed = tracked and not dirty. A directory counts when it holds tracked files and none is dirty. */
export function committedIn(s: Snapshot, rel: string): boolean {
  const p = rel.replace(/\/+$/, '');
  if (s.tracked.has(p)) return !s.dirtySet.has(p);
  const prefix = `${p}/`;
  let any = false;
  for (const t of s.tracked) if (t.startsWith(prefix)) { any = true; break; }
  if (!any) return false;
  for (const d of s.dirtySet) if (d.startsWith(prefix)) return false;
  return true;
}

export async function inHistoryOf(s: Snapshot, sha: string): Promise<boolean> {
  const x = sha.toLowerCase();
  const history = await s.history();
  if (x.length === 40) return history.includes(x);
  return x.length >= 7 && history.some((h) => h.startsWith(x));
}

/** Every committed version of a file, newest first (for append-only checks). */
export async function fileVersions(cwd: string, path: string, limit = 50): Promise<{ sha: string; text: string }[]> {
  // on the gate's path: plain child_process, no simple-git load
  const git = await execGit(cwd);
  const log = await git(['log', `-${limit}`, '--format=%H', '--', path]);
  const shas = log.ok ? log.stdout.split('\n').map((l) => l.trim()).filter(Boolean) : [];
  const out: { sha: string; text: string }[] = [];
  for (const sha of shas) {
    const r = await git(['show', `${sha}:${path}`]);
    if (r.ok) out.push({ sha, text: r.stdout });
  }
  return out;
}
