/**
 * The entry point and the one error boundary: only here is process.exitCode set.
 * 0 done/passed · 1 gate failed · 2 bad usage or input · 3 internal or environment failure.
 */
import { CommanderError } from 'commander';
import { buildProgram } from './program.js';

// A reader that goes away (`lynx status | head`) is not an error: stop quietly.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  // eslint-disable-next-line no-restricted-syntax -- the entry point: nothing left to write to
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

async function main(): Promise<void> {
  const state = { code: 0, json: process.argv.includes('--json') };
  const program = buildProgram((code) => { state.code = code; });
  try {
    await program.parseAsync(process.argv);
    process.exitCode = state.code;
  } catch (err) {
    if (err instanceof CommanderError) {
      // help and version exit 0; every parse error (unknown option, missing argument) is bad usage
      process.exitCode = err.exitCode === 0 ? 0 : 2;
      return;
    }
    const debug = process.env.LYNX_DEBUG === '1';
    const [{ renderError, errorJson }, { theme }, { LynxError }] = await Promise.all([
      import('../ui/error-view.js'), import('../ui/theme.js'), import('../core/errors.js'),
    ]);
    if (state.json) process.stdout.write(`${errorJson(err)}\n`);
    process.stderr.write(`${renderError(err, theme(process.stderr), debug)}\n`);
    process.exitCode = err instanceof LynxError ? err.exitCode : 3;
  }
}

await main();
