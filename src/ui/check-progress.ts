/**
 * How a gate run shows its command checks: live (ink) when stdout is a terminal, else one line per
 * finished command on stderr — stdout stays the result (text, --json, a CI log's summary).
 */
import type { CommandProgress } from '../core/checks/types.js';
import { reduceProgress, type ProgressState } from './check-progress-state.js';
import { checkLine } from './check-progress-line.js';
import { theme } from './theme.js';

export interface ProgressHandle {
  progress: CommandProgress;
  close: () => Promise<void>;
}

export function lineProgress(write: (s: string) => void): ProgressHandle {
  const t = theme(process.stderr);
  let state: ProgressState = { cmds: [] };
  return {
    progress: {
      start: (id, label, log) => {
        state = reduceProgress(state, { type: 'start', id, label, log, at: Date.now() });
      },
      output: () => undefined,
      end: (id, label, r) => {
        state = reduceProgress(state, { type: 'end', id, label, r, at: Date.now() });
        const c = state.cmds.find((x) => x.id === id);
        if (c) write(`${checkLine(c, t)}\n`);
      },
    },
    close: () => Promise.resolve(),
  };
}

/** `live`: stdout is a terminal and the output is not --json. */
export async function progressFor(live: boolean, title: string): Promise<ProgressHandle> {
  if (!live) return lineProgress((s) => process.stderr.write(s));
  return (await import('./check-progress-ink.js')).inkProgress(title);
}
