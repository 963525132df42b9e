/**
 * The one adapter to git: every git process lynx starts goes through `git()` here (child_process,
 * lazily imported), with one failure policy. Small named functions; callers never build git command
 * lines themselves. lynx's own state (.lynx/) is never reported as dirty.
 *
 * Not simple-git (README "Development" says why): it cost ~40 ms of start-up CPU on the gate's path,
 * lynx used only its `.raw()`, and it resolves a non-zero exit with empty stderr as success, which
 * is wrong for the queries whose answer is the exit code (merge-base --is-ancestor, check-ignore).
 */
import { EnvError } from '../core/errors.js';
import { ownOutputs } from './own-outputs.js';

export interface GitOutcome {
  ok: boolean;
  code: number;
  stdout: Buffer;
  stderr: string;
}

const MISSING = (): EnvError =>
  new EnvError('git is not installed or not on PATH', { hint: 'Install git 2.x and retry.' });

/**
 * Run git once. A missing git binary is an environment failure (exit 3, thrown); any other outcome,
 * a non-zero exit included, is returned for the caller's question to interpret.
 */
export async function git(cwd: string, args: readonly string[], input?: string): Promise<GitOutcome> {
  const { execFile } = await import('node:child_process');
  return new Promise((resolve, reject) => {
    // --no-optional-locks: lynx's reads (status above all) never take .git/index.lock, so a lynx killed
    // mid-read cannot leave a lock that blocks the learner's next git command
    const child = execFile(
      'git',
      ['--no-optional-locks', ...args],
      { cwd, maxBuffer: 1024 * 1024 * 1024, encoding: 'buffer' },
      (err, stdout, stderr) => {
        if (err && (err as NodeJS.ErrnoException).code === 'ENOENT') {
          reject(MISSING());
          return;
        }
        const code = err ? (typeof err.code === 'number' ? err.code : 128) : 0;
        resolve({ ok: !err, code, stdout, stderr: stderr.toString('utf8') });
      },
    );
    if (input !== undefined) child.stdin?.end(input);
  });
}

/** stdout as text when git succeeded, undefined when it did not (an unknown path, no commits yet …). */
export async function tryGit(cwd: string, args: string[]): Promise<string | undefined> {
  const r = await git(cwd, args);
  return r.ok ? r.stdout.toString('utf8') : undefined;
}

/** stdout as text; a failure is an environment error naming the command and git's own message. */
async function mustGit(cwd: string, args: string[]): Promise<string> {
  const r = await git(cwd, args);
  if (!r.ok) throw new EnvError(`git ${args.join(' ')} failed: ${r.stderr.trim() || `exit ${r.code}`}`);
  return r.stdout.toString('utf8');
}

/** Exit status of a git query whose answer *is* the exit code (merge-base --is-ancestor, check-ignore, cat-file -e). */
async function gitStatusCode(cwd: string, args: string[]): Promise<number> {
  return (await git(cwd, args)).code;
}

/** A config value (git config --get), undefined when unset. */
export async function configValue(cwd: string, key: string): Promise<string | undefined> {
  return (await tryGit(cwd, ['config', '--get', key]))?.trim() || undefined;
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
    if (e.startsWith('# branch.oid ')) {
      const oid = e.slice(13).trim();
      head = /^[0-9a-f]{40}$/.test(oid) ? oid : null;
      continue;
    }
    if (e.startsWith('1 ')) dirty.push(e.split(' ').slice(8).join(' '));
    else if (e.startsWith('2 ')) {
      dirty.push(e.split(' ').slice(9).join(' '));
      i++;
    } // -z puts the rename source next
    else if (e.startsWith('u ')) dirty.push(e.split(' ').slice(10).join(' '));
    else if (e.startsWith('? ')) dirty.push(e.slice(2));
  }
  return { head, dirty };
}

const notLynx = (p: string): boolean => !p.startsWith('.lynx/') && p !== '.lynx';

/** Every dirty path, untracked files included, lynx's own .lynx/ state excluded. */
export async function dirtyFiles(cwd: string): Promise<string[]> {
  const own = ownOutputs(cwd);
  return parseStatus(await mustGit(cwd, STATUS_ARGS)).dirty.filter((p) => notLynx(p) && !own(p));
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
 * One snapshot of the repository for a whole run: three git calls, started together, answer every "committed?",
 * "in history?" and "dirty?" question for every phase and learner the run verifies (a gate over
 * 500 manifests, or `gate --all` over 42 phases, must not spawn git per question or per phase).
 */
export interface Snapshot {
  head: string | null;
  tracked: Set<string>;
  dirty: string[];
  dirtySet: Set<string>;
  history: () => Promise<History>;
}
/** HEAD's ancestry: a set for full shas, sorted for abbreviated ones (binary search). */
export interface History {
  all: Set<string>;
  sorted: string[];
}

export async function snapshot(cwd: string): Promise<Snapshot> {
  // status v2 --branch also reports HEAD (one process fewer). rev-list starts with them, on git's side of the
  // machine: every gate and checkpoint asks it once it finds a manifest, and started only then it waited behind
  // the listing of 5,000 manifests (issue 20). Its output is parsed only if asked; with no commits it fails: [].
  const revs = tryGit(cwd, ['rev-list', 'HEAD']);
  revs.catch(() => undefined); // git missing is reported by the two below
  const [ls, st] = await Promise.all([git(cwd, ['ls-files', '-z']), git(cwd, STATUS_ARGS)]);
  if (!st.ok) throw new EnvError(`git status failed: ${st.stderr.trim() || `exit ${st.code}`}`);
  const { head, dirty } = parseStatus(st.stdout.toString('utf8'));
  let history: Promise<History> | undefined;
  const readHistory = async (): Promise<History> => {
    const list = head ? ((await revs) ?? '').split('\n').filter(Boolean) : [];
    return { all: new Set(list), sorted: [...list].sort() };
  };
  const own = ownOutputs(cwd); // lynx's own --junit file in the checkout is not the learner's change
  return {
    head,
    tracked: new Set(ls.stdout.toString('utf8').split('\0').filter(Boolean)),
    dirty: dirty.filter((p) => notLynx(p) && !own(p)),
    dirtySet: new Set(dirty),
    history: () => (history ??= readHistory()),
  };
}

/** Committed = tracked and not dirty. A directory counts when it holds tracked files and none is dirty. */
export function committedIn(s: Snapshot, rel: string): boolean {
  const p = rel.replace(/\/+$/, '');
  if (s.tracked.has(p)) return !s.dirtySet.has(p);
  const prefix = `${p}/`;
  let any = false;
  for (const t of s.tracked)
    if (t.startsWith(prefix)) {
      any = true;
      break;
    }
  if (!any) return false;
  for (const d of s.dirtySet) if (d.startsWith(prefix)) return false;
  return true;
}

/** Is `sha` (full, or abbreviated to ≥ 7 hex digits) a commit in HEAD's history? O(1) or O(log n). */
export async function inHistoryOf(s: Snapshot, sha: string): Promise<boolean> {
  return historyHas(await s.history(), sha);
}

/** inHistoryOf, once the history is read: a plain call (a loop over thousands of manifests, issue 20). */
export function historyHas(h: History, sha: string): boolean {
  const x = sha.toLowerCase();
  if (x.length === 40) return h.all.has(x);
  if (x.length < 7 || !/^[0-9a-f]+$/.test(x)) return false;
  let lo = 0;
  let hi = h.sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((h.sorted[mid] ?? '') < x) lo = mid + 1;
    else hi = mid;
  }
  return (h.sorted[lo] ?? '').startsWith(x);
}

/** A blob's text (one version of a file, by object id). */
export async function blobText(cwd: string, oid: string): Promise<string> {
  return mustGit(cwd, ['cat-file', 'blob', oid]);
}

/** `git mv` several tracked files into one existing directory (git checks every source before moving any). */
export async function moveInto(cwd: string, sources: readonly string[], destDir: string): Promise<void> {
  await mustGit(cwd, ['mv', '--', ...sources, destDir]);
}

/** Stage these paths (exactly these, never -A). */
export async function addPaths(cwd: string, paths: readonly string[]): Promise<void> {
  if (paths.length > 0) await mustGit(cwd, ['add', '--', ...paths]);
}

/** Put the index and work tree back to HEAD: only ever after lynx checked the tree was clean. */
export async function resetHard(cwd: string): Promise<void> {
  await mustGit(cwd, ['reset', '-q', '--hard', 'HEAD']);
}
