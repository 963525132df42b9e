/**
 * Ctrl-C during a gate run (checkpoint --run, report, gate). While a command runs, src/io/proc.ts
 * kills its process tree; this guard also catches a Ctrl-C between commands (Node would otherwise
 * die mid-run with no word) so the use case can stop the whole run, write nothing and exit 130.
 * SIGTERM needs no guard: the entry point exits 143 at once and every write is temp + rename.
 */
import { Interrupted } from '../core/errors.js';

export interface InterruptGuard {
  /** True once Ctrl-C came, or a command reported it was interrupted. */
  stopped: () => boolean;
  /** A command came back interrupted (its process tree was killed by proc.ts). */
  note: () => void;
  /** Stop listening; throws Interrupted when the run was stopped. */
  close: (what: string) => void;
}

export function interruptGuard(): InterruptGuard {
  let hit = false;
  const onSig = (): void => {
    hit = true;
  };
  process.on('SIGINT', onSig);
  return {
    stopped: () => hit,
    note: () => {
      hit = true;
    },
    close: (what) => {
      process.off('SIGINT', onSig);
      if (hit)
        throw new Interrupted(`interrupted (Ctrl-C): ${what} stopped; nothing was written`, {
          signal: 'SIGINT',
          hint: 'Run it again when you are ready; the logs of the commands that ran are in .lynx/logs/.',
        });
    },
  };
}
