/**
 * Run a curriculum command in the workspace: `just <recipe>` (PATH or bundled rust-just, recipe
 * renames from lynx.yaml) or an argv, with the configured timeout, the full log under .lynx/logs/.
 */
import { lstatSync } from 'node:fs';
import { CAPS, readRegular } from './fsx-read.js';
import { isAbsolute, join } from 'node:path';
import type { CommandOutcome, CommandSpec } from '../core/checks/types.js';
import { nn } from '../core/ids.js';
import { run } from './proc.js';
import { findJust, onPath, recipePath } from './tools.js';
import { substitute } from '../core/runner.js';
import { EnvError, InputError, LynxError } from '../core/errors.js';
import type { Workspace } from './workspace.js';

const recipeCache = new Map<string, Promise<string[] | undefined>>();

/** Whether the workspace has a Justfile, refusing (InputError, exit 2) one lynx must not hand to just. */
export function justfilePresent(ws: Workspace): boolean {
  // lstat, not exists: a dangling or looping Justfile is refused, not "no Justfile"
  const present = ['Justfile', 'justfile', '.justfile'].filter(
    (f) => lstatSync(ws.abs(f), { throwIfNoEntry: false }) !== undefined,
  );
  // just would block on a FIFO, read /dev/zero forever, or follow a link out: read it as hostile first (exit 2)
  for (const f of present) readRegular(ws.abs(f), { display: f, cap: CAPS.text, root: ws.root });
  return present.length > 0;
}

/** The Justfile's recipes (`just --summary`), or undefined when there is no Justfile. */
export function justRecipes(ws: Workspace): Promise<string[] | undefined> {
  let p = recipeCache.get(ws.root);
  if (!p) {
    p = (async () => {
      if (!justfilePresent(ws)) return undefined;
      const just = findJust();
      if (!just) throw new EnvError('just is not installed (neither on PATH nor the bundled rust-just)');
      const r = await run([just.path, '--summary'], { cwd: ws.root, timeoutMs: 15_000 });
      return r.exitCode === 0 ? r.output.trim().split(/\s+/).filter(Boolean) : [];
    })();
    recipeCache.set(ws.root, p);
  }
  return p;
}

export async function resolveArgv(ws: Workspace, spec: Pick<CommandSpec, 'just' | 'args' | 'argv'>): Promise<string[]> {
  if (spec.just === undefined) return spec.argv ?? [];
  const recipe = ws.config.recipes?.[spec.just] ?? spec.just;
  const recipes = await justRecipes(ws);
  if (recipes === undefined) throw new LynxError(`no Justfile in ${ws.root}; \`just ${recipe}\` cannot run`, 2);
  if (!recipes.includes(recipe))
    throw new LynxError(`the Justfile has no recipe \`${recipe}\` (it has: ${recipes.join(', ') || 'none'})`, 2, {
      hint: `Add the recipe, or map it in lynx.yaml: recipes: { ${spec.just}: <your recipe> }`,
    });
  const just = findJust();
  if (!just) throw new EnvError('just is not installed (neither on PATH nor the bundled rust-just)');
  return [just.path, recipe, ...(spec.args ?? [])];
}

const slug = (s: string): string =>
  s
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);

/** logRoot: where full logs go (default .lynx/logs; the CI gate passes a temp dir so it writes nothing in the
 * workspace). */
/** `onStart`: called with the log's path just before the command starts (the live view shows it). */
export async function runCommand(
  ws: Workspace,
  spec: CommandSpec,
  phase: number,
  onOutput?: (s: string) => void,
  logRoot?: string,
  onStart?: (log: string) => void,
): Promise<CommandOutcome> {
  let argv: string[];
  try {
    argv = await resolveArgv(ws, spec);
  } catch (err) {
    if (err instanceof InputError) throw err; // a hostile Justfile is bad input (exit 2), not a failed command
    return {
      exitCode: null,
      timedOut: false,
      interrupted: false,
      durationMs: 0,
      output: '',
      error: (err as Error).message,
    };
  }
  // a runner from lynx.yaml stands in for `uv run …` only where uv is missing (the just recipes' bodies are the
  // learner's own shell lines: lynx does not rewrite them)
  const sub = spec.just === undefined ? substitute(argv, ws.config.runner, (t) => !onPath(t)) : undefined;
  if (sub) {
    const [head = '', ...rest] = sub.argv;
    // `.venv/bin/pytest` is the workspace's, wherever lynx was started from
    argv = [head.includes('/') && !isAbsolute(head) ? ws.abs(head) : head, ...rest];
    onOutput?.(
      `lynx: running \`${sub.substitution.ran}\` in place of \`${sub.substitution.command}\` (${sub.substitution.reason})\n`,
    );
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const name = `${nn(phase)}-${slug(spec.label)}-${stamp}.log`;
  const logRel = logRoot ? join(logRoot, name) : `.lynx/logs/${name}`;
  onStart?.(logRel);
  try {
    const r = await run(argv, {
      cwd: ws.root,
      // the just lynx resolved is on the recipe's PATH too (a recipe calling `just lint` must find it)
      env: { ...(spec.env ?? {}), PATH: recipePath(spec.env?.PATH ?? process.env.PATH) },
      timeoutMs: (spec.timeout ?? ws.config.timeouts?.command ?? 600) * 1000,
      logFile: logRoot ? logRel : ws.abs(logRel),
      ...(onOutput ? { onOutput } : {}),
    });
    return {
      exitCode: r.exitCode,
      timedOut: r.timedOut,
      interrupted: r.interrupted,
      durationMs: r.durationMs,
      output: r.output,
      logFile: logRel,
      ...(sub ? { substitution: sub.substitution } : {}),
    };
  } catch (err) {
    return {
      exitCode: null,
      timedOut: false,
      interrupted: false,
      durationMs: 0,
      output: '',
      error: (err as Error).message,
      logFile: logRel,
      ...(sub ? { substitution: sub.substitution } : {}),
    };
  }
}
