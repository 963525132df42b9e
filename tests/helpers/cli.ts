/** Black-box helpers: spawn the built CLI as a user would, in real temporary git repositories. */
import { spawnSync, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { inject } from 'vitest';

export const repoRoot = join(import.meta.dirname, '..', '..');
export const bin = join(repoRoot, 'bin', 'lynx.js');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The run's python3 directory (./run-root.ts), or '' outside a vitest run with that globalSetup. */
function pythonBin(): string {
  try {
    return inject('pythonBin') ?? '';
  } catch {
    return ''; // not in a vitest worker (the batch child: its PATH comes from baseEnv already)
  }
}

/**
 * `path` with the run's python3 directory first (once): python3 found through a pyenv-style shim
 * costs ~65 ms of bash a call, the link in that directory is the same interpreter without them.
 */
export function withRunPython(path: string | undefined): string | undefined {
  const dir = pythonBin();
  if (dir === '' || path === undefined) return path;
  return path === dir || path.startsWith(`${dir}${delimiter}`) ? path : `${dir}${delimiter}${path}`;
}

/**
 * The environment a spawned lynx sees: only what a user's shell minimally has, plus what the test
 * sets. Not the whole process.env, so no test passes because of the developer's (or CI's) ambient
 * variables (GITHUB_ACTIONS, EDITOR, LYNX_*, CI, TERM...). PATH is this process's with the run's
 * python3 first (withRunPython); a test that passes its own PATH in `extra` gets exactly that one.
 */
export function baseEnv(extra: Record<string, string | undefined> = {}): Record<string, string> {
  const env: Record<string, string | undefined> = {
    PATH: withRunPython(process.env.PATH),
    HOME: process.env.HOME,
    TMPDIR: process.env.TMPDIR,
    NO_COLOR: '1',
    ...extra,
  };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  return env as Record<string, string>;
}

export function lynx(
  args: string[],
  opts: { cwd: string; env?: Record<string, string | undefined>; input?: string; timeout?: number },
): Run {
  const env: Record<string, string | undefined> = baseEnv(opts.env);
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: opts.cwd,
    env: env,
    input: opts.input ?? '',
    encoding: 'utf8',
    timeout: opts.timeout ?? 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8' });
}

const made: string[] = [];

export function tempDir(prefix = 'lynx-test-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  made.push(d);
  return d;
}

/** A new git repository with one commit and a local identity. */
export function gitRepo(): string {
  const dir = tempDir();
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'user.name', 'Test Learner');
  git(dir, 'config', 'user.email', 'learner@example.invalid');
  git(dir, 'config', 'commit.gpgsign', 'false');
  writeFileSync(join(dir, 'README.md'), '# learner repo\n');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'first');
  return dir;
}

/**
 * A fresh copy of a repository built once per test file by `build` (keyed by `key`): building a
 * fixture spawns lynx and git a dozen times, copying it is a single directory copy. Each caller gets
 * its own copy, so tests stay independent. A git repository has no absolute paths inside, so the copy
 * is a real repository with the same history.
 */
const templates = new Map<string, string>();
export function copyOf(key: string, build: () => string): string {
  let tpl = templates.get(key);
  if (tpl === undefined) {
    tpl = build();
    templates.set(key, tpl);
  }
  const dir = tempDir();
  cpSync(tpl, dir, { recursive: true });
  return dir;
}

const sleep = (ms: number): void => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
};

/**
 * `copyOf`, with the template built once per test run instead of once per file, by the first file that
 * asks, in the run's shared directory (./run-root.ts); the files that ask at the same time wait for it.
 * For the fixtures many files use (a workspace, the passing gate workspace, the break workspace:
 * measured ~0.3–0.6 CPU-s each, a lynx spawn, a dozen git runs and a python3 one). `build` must depend
 * on nothing but `key`. Outside the integration project (no run root) it is `copyOf`.
 */
export function runCopyOf(key: string, build: () => string): string {
  return copyOf(key, () => runTemplate(key, build));
}

function runTemplate(key: string, build: () => string): string {
  let root: string | undefined;
  try {
    root = inject('runRoot');
  } catch {
    root = undefined; // not in a vitest worker
  }
  if (root === undefined) return build();
  const done = join(root, `template-${key.replace(/[^A-Za-z0-9]+/g, '-')}`);
  const failed = `${done}.failed`;
  try {
    mkdirSync(`${done}.lock`); // one builder per run: mkdir is atomic
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    for (let waited = 0; !existsSync(done); waited += 100) {
      if (existsSync(failed)) throw new Error(`the shared template ${key} failed: ${readFileSync(failed, 'utf8')}`);
      if (waited > 120_000) throw new Error(`the shared template ${key} was not built within 120 s`);
      sleep(100);
    }
    return done;
  }
  try {
    renameSync(build(), done); // the others see it only once it is whole
  } catch (e) {
    writeFileSync(failed, String((e as Error).stack ?? e));
    throw e;
  }
  return done;
}

/** A git repository already initialised as a workspace for `learner` (the template: once per run). */
export function workspace(learner = 'borja'): string {
  return runCopyOf(`workspace:${learner}`, () => {
    const dir = gitRepo();
    const r = lynx(['init', '--learner', learner], { cwd: dir });
    if (r.code !== 0) throw new Error(`lynx init failed: ${r.stderr}`);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'lynx init');
    return dir;
  });
}

export function write(dir: string, rel: string, content: string): void {
  mkdirSync(dirname(join(dir, rel)), { recursive: true });
  writeFileSync(join(dir, rel), content);
}

export function cleanup(): void {
  templates.clear();
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}
