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
import { exitCode, type ResultKind, type ResultKinds } from '../../src/core/exit-codes.js';
import { LynxError } from '../../src/core/errors.js';
import { present } from '../../src/cli/present.js';
import type { Ctx } from '../../src/cli/context.js';
import { json as jsonReporter } from '../../src/ui/reporters/json.js';
import { errorJson, renderError } from '../../src/ui/error-view.js';
import { theme } from '../../src/ui/theme.js';
import type { Run } from './cli.js';

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
 * gets (cli.ts baseEnv): PATH, HOME, TMPDIR, NO_COLOR=1, and what vitest itself needs (no
 * LYNX_LEARNER at all, as a spawned lynx has none). A test that wants a variable sets and restores it.
 */
const KEEP = /^(PATH|HOME|TMPDIR|VITEST.*|NODE_.*|TEST|MODE|DEV|PROD|SSR|BASE_URL)$/;
for (const k of Object.keys(process.env)) if (!KEEP.test(k)) delete process.env[k];
process.env.NO_COLOR = '1';

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
