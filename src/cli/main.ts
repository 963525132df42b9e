/**
 * The entry point and the one error boundary: only here is process.exitCode set — from the
 * command's outcome through core/exit-codes.ts, or from the typed error it threw.
 * 0 done/passed · 1 gate failed · 2 bad usage or input · 3 internal or environment failure ·
 * 130 interrupted / the learner left (Interrupted) · 143 terminated (SIGTERM).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CommanderError } from 'commander';
import { buildProgram } from './program.js';
import { exitCode, signalCode, type Outcome } from '../core/exit-codes.js';
import { quietOnEpipe, writeStdout } from '../io/stdout.js';

// A reader that goes away (`lynx status | head`) is not an error: stop quietly (io/stdout.ts, for lynx's own
// writes and for process.stdout once something makes it).
quietOnEpipe();

// SIGTERM (CI cancelling a job): stop now with 143. Every file lynx writes is temp + rename, so
// stopping between two writes leaves no half-written file. SIGINT is left to the runs that handle it
// (a lab run records the interrupted command, then its outcome maps to 130); unhandled, Node stops
// on it and the shell reports 130.
process.once('SIGTERM', () => {
  // eslint-disable-next-line no-restricted-syntax -- the entry point: the exit code of a terminated run
  process.exit(signalCode('SIGTERM'));
});

/** Inside a workspace (lynx.yaml here or above, up to the repository root), bare `lynx` means `lynx next`. */
function inWorkspace(dir: string): boolean {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, 'lynx.yaml'))) return true;
    if (existsSync(join(d, '.git')) || dirname(d) === d) return false;
  }
}

async function main(): Promise<void> {
  const argv = process.argv.length === 2 && inWorkspace(process.cwd()) ? [...process.argv, 'next'] : process.argv;
  const state: { outcome: Outcome | number; json: boolean } = { outcome: 0, json: process.argv.includes('--json') };
  const program = buildProgram((outcome) => {
    state.outcome = outcome;
  });
  try {
    await program.parseAsync(argv);
    process.exitCode = exitCode(state.outcome);
  } catch (caught) {
    let err: unknown = caught;
    if (err instanceof CommanderError && err.exitCode === 0) {
      process.exitCode = 0;
      return;
    } // help, version
    // every parse error (unknown command or option, missing argument) is bad usage, said the lynx way
    if (err instanceof CommanderError)
      err = (await import('./usage-error.js')).fromCommander(err, program, argv.slice(2));
    const debug = process.env.LYNX_DEBUG === '1';
    const [{ renderError, errorJson }, { theme }, { LynxError }] = await Promise.all([
      import('../ui/error-view.js'),
      import('../ui/theme.js'),
      import('../core/errors.js'),
    ]);
    if (state.json) writeStdout(`${errorJson(err)}\n`);
    process.stderr.write(`${renderError(err, theme(process.stderr), debug)}\n`);
    process.exitCode = err instanceof LynxError ? err.exitCode : 3;
  }
}

// not a top-level await: dist/ is CommonJS (scripts/build-commonjs.ts), which has none
void main();
