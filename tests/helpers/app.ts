/**
 * The in-process tier: a test calls a use case of src/app directly against a real temporary git
 * repository (the repos of ./cli.ts), and this helper does what the entry point would do with its
 * result — present it through the real reporters (src/cli/present.ts) into strings and take the
 * exit code from the one table (core/exit-codes.ts), or, for a thrown error, render it as main.ts
 * does. No node process is spawned and no bundle is loaded, which is most of a black-box call's cost.
 *
 * What stays black-box (tests/helpers/cli.ts `lynx`): argv parsing, TTY and colour, environment
 * variables lynx reads, signals, crashes and the exit status of the real process.
 */
import { exitCode, type Outcome, type ResultKind, type ResultKinds } from '../../src/core/exit-codes.js';
import { LynxError } from '../../src/core/errors.js';
import { present } from '../../src/cli/present.js';
import type { Ctx } from '../../src/cli/context.js';
import { json as jsonReporter } from '../../src/ui/reporters/json.js';
import { errorJson, renderError } from '../../src/ui/error-view.js';
import { theme } from '../../src/ui/theme.js';
import { withRunPython, type Run } from './cli.js';
import { CommanderError } from 'commander';
import { buildProgram } from '../../src/cli/program.js';
import { fromCommander } from '../../src/cli/usage-error.js';

export interface AppRun<K extends ResultKind> extends Run {
  /** the typed result (absent when the use case threw) */
  result?: ResultKinds[K];
  /** the document `--json` prints: the result through the JSON reporter, or the error's JSON */
  json: unknown;
  error?: unknown;
}

export interface CallOptions {
  /** where the command runs (for --junit paths); the use case gets its own cwd */
  cwd: string;
  /** present as `--json` does: stdout is the JSON document */
  json?: boolean;
  junit?: string;
  quiet?: boolean;
}

/**
 * The use cases read the environment of this test process (LYNX_*, EDITOR, GITHUB_ACTIONS, git's
 * GIT_*, the locale), so the in-process tier gets the same minimal environment the spawned CLI
 * gets (cli.ts baseEnv): PATH (the run's python3 first), HOME, TMPDIR, NO_COLOR=1, and what vitest itself needs (no
 * LYNX_LEARNER at all, as a spawned lynx has none). A test that wants a variable sets and restores it.
 */
const KEEP = /^(PATH|HOME|TMPDIR|VITEST.*|NODE_.*|TEST|MODE|DEV|PROD|SSR|BASE_URL)$/;
for (const k of Object.keys(process.env)) if (!KEEP.test(k)) delete process.env[k];
process.env.NO_COLOR = '1';
// the run's python3 first, as baseEnv() gives a spawned lynx (a shim's bash costs ~65 ms a call)
const path = withRunPython(process.env.PATH);
if (path !== undefined) process.env.PATH = path;

const line =
  (buf: string[]) =>
  (s: string): void => {
    buf.push(s.endsWith('\n') ? s : `${s}\n`);
  };

/**
 * Run `fn` (one use case call) and present its result of kind `kind` as the CLI would.
 * `code`, `stdout` and `stderr` are what the built binary would give for the same call.
 */
export async function call<K extends ResultKind>(
  kind: K,
  fn: () => Promise<ResultKinds[K]> | ResultKinds[K],
  opts: CallOptions,
): Promise<AppRun<K>> {
  const out: string[] = [];
  const err: string[] = [];
  const ctx: Ctx = {
    cwd: opts.cwd,
    learner: undefined,
    json: opts.json === true,
    out: line(out),
    err: line(err),
    isTTY: false,
  };
  try {
    const result = await fn();
    const outcome = await present(ctx, kind, result, { junit: opts.junit, quiet: opts.quiet === true });
    return {
      code: exitCode(outcome),
      stdout: out.join(''),
      stderr: err.join(''),
      result,
      json: JSON.parse(jsonReporter(kind, result)) as unknown,
    };
  } catch (e) {
    const doc = errorJson(e);
    if (ctx.json) out.push(`${doc}\n`);
    err.push(`${renderError(e, theme(process.stderr), false)}\n`);
    return {
      code: e instanceof LynxError ? e.exitCode : 3,
      stdout: out.join(''),
      stderr: err.join(''),
      json: JSON.parse(doc) as unknown,
      error: e,
    };
  }
}

/**
 * `lynx ARGS` in process: the real command registry (src/cli/program.ts, commander's parsing, the
 * actions) with a non-terminal context that prints into buffers, and the exit code and error
 * rendering of main.ts. What it does not see, so what stays black-box: the process's own stdin,
 * stdout and stderr (a streamed `lab --run`, the GitHub workflow commands, the active-break notice
 * of the preAction hook), environment variables a test means to set, TTY, signals and crashes.
 * Help and version print through commander to the real stdout: spawn those.
 */
export async function lynxIn(args: string[], opts: { cwd: string }): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  let outcome: Outcome | number = 0;
  const program = buildProgram(
    (o) => {
      outcome = o;
    },
    (cmd) => {
      const o = cmd.optsWithGlobals<{ learner?: string; json?: boolean }>();
      return { cwd: opts.cwd, learner: o.learner, json: o.json === true, out: line(out), err: line(err), isTTY: false };
    },
  );
  try {
    // -C: the preAction hook (the active-break notice) looks at the workspace, not at this process's cwd
    await program.parseAsync(['node', 'lynx', '-C', opts.cwd, ...args]);
    return { code: exitCode(outcome), stdout: out.join(''), stderr: err.join('') };
  } catch (caught) {
    let e: unknown = caught;
    if (e instanceof CommanderError && e.exitCode === 0) throw new Error('lynxIn: help and version print to stdout');
    if (e instanceof CommanderError) e = fromCommander(e, program, args);
    if (args.includes('--json')) out.push(`${errorJson(e)}\n`);
    err.push(`${renderError(e, theme(process.stderr), false)}\n`);
    return { code: e instanceof LynxError ? e.exitCode : 3, stdout: out.join(''), stderr: err.join('') };
  }
}
