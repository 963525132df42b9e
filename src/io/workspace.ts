/**
 * The learner's workspace: a git repository with lynx.yaml at its root.
 * lynx.yaml is parsed with `yaml` and validated against config.schema.json; the validated result
 * is cached in .lynx/cache with the text it came from, so fast commands (status) skip the YAML
 * parser entirely when the file has not changed.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, writeFileSync, statSync, lstatSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { InputError, UsageError } from '../core/errors.js';
import { assertLearner, isInside, LEARNER_RE } from '../core/ids.js';
import { layoutFor, type Layout } from '../core/layout.js';
import { schemaProblems, type Locate } from '../core/schema-errors.js';
import { runnerProblem } from '../core/runner.js';
import type { WorkspaceConfig } from '../schemas/generated/types.js';
import { CAPS, checkLynxDir, readRegularText } from './fsx-read.js';

export const CONFIG_FILE = 'lynx.yaml';

export interface Workspace {
  root: string;
  config: WorkspaceConfig;
  /** Absolute path inside the workspace for a workspace-relative path. */
  abs(rel: string): string;
}

function hasGit(dir: string): boolean {
  return existsSync(join(dir, '.git'));
}

/** Walk up from cwd to the directory holding lynx.yaml; it must be inside a git repository. */
export function findRoot(cwd: string): string {
  let dir = resolve(cwd);
  let gitRoot: string | undefined;
  for (;;) {
    if (!gitRoot && hasGit(dir)) gitRoot = dir;
    if (existsSync(join(dir, CONFIG_FILE)) && statSync(join(dir, CONFIG_FILE)).isFile()) {
      let g: string | undefined = dir;
      while (g && !hasGit(g)) {
        const up = dirname(g);
        g = up === g ? undefined : up;
      }
      if (!g)
        throw new UsageError(`${join(dir, CONFIG_FILE)} is not inside a git repository`, {
          hint: 'A workspace is a git repository: run `git init` there first.',
        });
      return dir;
    }
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  if (!gitRoot)
    throw new UsageError(`not a git repository: ${resolve(cwd)}`, {
      hint: 'A lynx workspace is a git repository with lynx.yaml: `git init`, then `lynx init --learner <name>`.',
    });
  throw new UsageError(`not a lynx workspace: no ${CONFIG_FILE} in ${gitRoot} or above ${resolve(cwd)}`, {
    hint: 'Run `lynx init --learner <name>` at the repository root.',
  });
}

/**
 * Derived state in .lynx/cache (never a source of truth): the parsed lynx.yaml, the replayed review
 * deck. A reader checks its own key and ignores anything it cannot use; a corrupt file is a miss.
 */
export function readCacheJson(root: string, name: string): unknown {
  try {
    const raw = readRegularText(join(root, '.lynx', 'cache', name), {
      display: `.lynx/cache/${name}`,
      cap: CAPS.json,
      optional: true,
    });
    return raw === undefined ? undefined : (JSON.parse(raw) as unknown);
  } catch {
    return undefined;
  }
}

let cacheWrites = true;
/** The CI gate writes nothing in the workspace, not even lynx's cache. */
export function disableCacheWrites(): void {
  cacheWrites = false;
}

export function writeCacheJson(root: string, name: string, value: unknown): void {
  if (!cacheWrites) return;
  // A cache, not state: best effort, but still never half-written (tmp + rename).
  try {
    checkLynxDir(root);
    const dir = join(root, '.lynx', 'cache');
    mkdirSync(dir, { recursive: true });
    if (!lstatSync(dir).isDirectory()) return; // a planted symlink: no cache rather than a write through it
    const tmp = join(dir, `${name}.${process.pid}.tmp`);
    // 'wx' = O_CREAT|O_EXCL: a symlink planted at this (predictable) name fails the open, never followed
    writeFileSync(tmp, JSON.stringify(value), { flag: 'wx' });
    renameSync(tmp, join(dir, name));
  } catch {
    /* read-only checkout (CI): rebuild next time */
  }
}

// The config cache keeps the exact text it was parsed from: a hit needs no hashing (and no node:crypto).
function readCache(root: string, text: string): WorkspaceConfig | undefined {
  const c = readCacheJson(root, 'config.json') as { text?: unknown; config?: WorkspaceConfig } | undefined;
  return c?.text === text ? c.config : undefined;
}

const writeCache = (root: string, text: string, config: WorkspaceConfig): void =>
  writeCacheJson(root, 'config.json', { text, config });

/**
 * The runner mapping, before the schema: its messages say what a runner is (a string, not empty, for a
 * prefix starting with `uv run`), naming lynx.yaml's line — a schema's "must be string" would not.
 */
function runnerRules(data: unknown, display: string, locate: Locate): void {
  const runner = (data as { runner?: unknown } | null)?.runner;
  if (runner === undefined || runner === null) return;
  const hint = 'runner: maps a command prefix to what runs in its place, e.g. runner: { "uv run": "python3 -m" }';
  if (typeof runner !== 'object' || Array.isArray(runner)) {
    const pos = locate('/runner');
    throw new InputError(
      `${display}:${pos?.line ?? 1}:${pos?.col ?? 1} runner: expected a mapping — found ${
        Array.isArray(runner) ? 'a list' : typeof runner
      }`,
      { pos: { file: display, ...(pos ? pos : {}) }, hint },
    );
  }
  for (const [key, value] of Object.entries(runner)) {
    const problem = runnerProblem(key, value);
    if (!problem) continue;
    const pos = locate(`/runner/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, true);
    throw new InputError(`${display}:${pos?.line ?? 1}:${pos?.col ?? 1} runner["${key}"]: ${problem}`, {
      pos: { file: display, ...(pos ? pos : {}) },
      hint,
    });
  }
}

/** Parse and validate lynx.yaml text. Errors name lynx.yaml:line:col, the field, what was expected. */
export async function parseConfig(text: string, display: string): Promise<WorkspaceConfig> {
  const [{ parseYaml }, { validateConfig }] = await Promise.all([
    import('./yaml.js'),
    import('../schemas/generated/config.validator.js'),
  ]);
  const loaded = await parseYaml(text, display);
  const data = loaded.data ?? {};
  runnerRules(data, display, loaded.locate);
  if (!validateConfig(data)) {
    const problems = schemaProblems(validateConfig.errors ?? [], data, loaded.locate);
    const lines = problems.map((p) => `${display}:${p.line ?? 1}:${p.col ?? 1} ${p.path}: ${p.message}`);
    throw new InputError(lines[0] ?? `${display}: invalid`, {
      details: lines.slice(1),
      pos: { file: display, ...(problems[0]?.line ? { line: problems[0].line, col: problems[0].col ?? 1 } : {}) },
      hint: 'Fix lynx.yaml (see `lynx init` for a fresh one).',
    });
  }
  const config = data as WorkspaceConfig;
  for (const key of ['curriculum', 'quizzes', 'docs'] as const) {
    const v = config[key];
    if (v !== undefined && !isInside(v)) {
      const pos = loaded.locate(`/${key}`);
      throw new InputError(
        `${display}:${pos?.line ?? 1}:${pos?.col ?? 1} ${key}: path escapes the workspace — found "${v}"`,
        { hint: 'Paths in lynx.yaml are relative to the workspace root and stay inside it.' },
      );
    }
  }
  return config;
}

export async function loadConfig(root: string): Promise<WorkspaceConfig> {
  // a regular file inside the workspace, strict UTF-8 with no NUL, at most CAPS.text (fsx-read.ts)
  const text = readRegularText(join(root, CONFIG_FILE), { display: CONFIG_FILE, cap: CAPS.text, root });
  const cached = readCache(root, text);
  if (cached) return cached;
  const config = await parseConfig(text, CONFIG_FILE);
  writeCache(root, text, config);
  return config;
}

export async function openWorkspace(cwd: string): Promise<Workspace> {
  const root = findRoot(cwd);
  // a real directory inside the workspace, every run, before anything (the config cache) is written there:
  // a committed `.lynx` symlink is refused
  checkLynxDir(root);
  const config = await loadConfig(root);
  return { root, config, abs: (rel) => join(root, rel) };
}

/** --learner, then LYNX_LEARNER, then lynx.yaml. */
/**
 * A learner named on the command line must have a folder: a typo in a CI matrix (`--learner nobdy`)
 * is a usage error naming the learners that exist, not "nothing to verify" and a green run.
 */
function existingLearner(ws: Workspace, name: string): string {
  const dir = ws.abs('learners');
  if (existsSync(join(dir, name)) && statSync(join(dir, name)).isDirectory()) return name;
  const known = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory() && LEARNER_RE.test(d.name))
        .map((d) => d.name)
        .sort()
    : [];
  throw new UsageError(
    `--learner ${name}: no learner folder learners/${name}/ — ` +
      `${known.length ? `the learners are: ${known.join(', ')}` : 'this workspace has no learner yet'}`,
    {
      hint: known.length
        ? 'Check the spelling (a CI matrix takes its names from `lynx status --all --json`).'
        : 'Add one with `lynx init --learner NAME`.',
    },
  );
}

export function resolveLearner(ws: Workspace | undefined, flag: string | undefined): string {
  if (flag !== undefined)
    return ws ? existingLearner(ws, assertLearner(flag, '--learner')) : assertLearner(flag, '--learner');
  const env = process.env.LYNX_LEARNER;
  if (env) return assertLearner(env, 'LYNX_LEARNER');
  if (ws?.config.learner) return assertLearner(ws.config.learner, CONFIG_FILE);
  throw new UsageError('no learner given', {
    hint: 'Pass --learner NAME, set LYNX_LEARNER, or set `learner:` in lynx.yaml.',
  });
}

/** This learner's layout in this workspace (src/core/layout.ts holds the rules). */
export const layoutOf = (ws: Workspace, learner: string): Layout => layoutFor(ws.config.layout ?? 'single', learner);
