/**
 * The live view of a gate run's command checks (checkpoint --run, report, gate): one entry per
 * command as it starts — several at once under --jobs — with its log path and the tail of its output.
 * A plain reducer, tested without ink; check-progress-ink.tsx only renders it.
 */
import type { CommandOutcome } from '../core/checks/types.js';
import { appendTail } from './lab-run-state.js';

export type CmdStatus = 'running' | 'passed' | 'failed' | 'timed_out' | 'interrupted' | 'error';

export interface CmdView {
  id: number;
  label: string;
  log?: string;
  startedAt: number;
  status: CmdStatus;
  durationMs?: number;
  exitCode?: number | null;
  note?: string;
  tail: string[];
  partial: string;
}

export interface ProgressState {
  cmds: CmdView[];
}

export type ProgressEvent =
  | { type: 'start'; id: number; label: string; log?: string | undefined; at: number }
  | { type: 'output'; id: number; chunk: string }
  | { type: 'end'; id: number; label: string; r: CommandOutcome; at: number };

/** Lines of output kept under a running command (fewer than a lab run: several may run at once). */
export const CHECK_TAIL = 4;

/** What a finished command's outcome is called; a gate judges expect_exit, the view only shows exit 0 or not. */
export function statusOf(r: CommandOutcome): CmdStatus {
  if (r.error !== undefined) return 'error';
  if (r.interrupted) return 'interrupted';
  if (r.timedOut) return 'timed_out';
  return r.exitCode === 0 ? 'passed' : 'failed';
}

export function reduceProgress(s: ProgressState, e: ProgressEvent): ProgressState {
  const set = (id: number, f: (c: CmdView) => CmdView): ProgressState => ({
    cmds: s.cmds.map((c) => (c.id === id ? f(c) : c)),
  });
  switch (e.type) {
    case 'start':
      return {
        cmds: [
          ...s.cmds,
          {
            id: e.id,
            label: e.label,
            ...(e.log ? { log: e.log } : {}),
            startedAt: e.at,
            status: 'running',
            tail: [],
            partial: '',
          },
        ],
      };
    case 'output':
      return set(e.id, (c) => ({ ...c, ...appendTail(c, e.chunk, CHECK_TAIL) }));
    case 'end': {
      // a command whose argv could not be resolved (no recipe) ends without having started
      const base = s.cmds.some((c) => c.id === e.id)
        ? s
        : {
            cmds: [
              ...s.cmds,
              { id: e.id, label: e.label, startedAt: e.at, status: 'running' as const, tail: [], partial: '' },
            ],
          };
      const done = (c: CmdView): CmdView => ({
        ...c,
        status: statusOf(e.r),
        durationMs: e.r.durationMs,
        exitCode: e.r.exitCode,
        ...(e.r.error !== undefined ? { note: e.r.error } : {}),
        ...(e.r.logFile ? { log: e.r.logFile } : {}),
      });
      return { cmds: base.cmds.map((c) => (c.id === e.id ? done(c) : c)) };
    }
  }
}
