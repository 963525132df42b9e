/**
 * The live lab-run view's state: one row per command and the tail of the running command's output.
 * A plain reducer (tested without ink); the ink view only renders it.
 */
export type StepStatus = 'pending' | 'running' | 'passed' | 'failed' | 'timed_out' | 'interrupted' | 'skipped';

export interface StepView {
  label: string;
  status: StepStatus;
  startedAt?: number;
  durationMs?: number;
  exitCode?: number | null;
  log?: string;
  note?: string;
}

export interface RunState {
  steps: StepView[];
  current: number | null;
  tail: string[];
  partial: string;
}

export type { RunEvent } from '../core/lab-results.js';
import type { RunEvent } from '../core/lab-results.js';

export const TAIL_LINES = 8;

export function initialState(labels: readonly string[]): RunState {
  return { steps: labels.map((label) => ({ label, status: 'pending' })), current: null, tail: [], partial: '' };
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;

/** Split output into lines; a carriage return (a progress bar redrawing) keeps only what follows it. */
export function appendTail(
  s: { tail: string[]; partial: string },
  chunk: string,
  max = TAIL_LINES,
): { tail: string[]; partial: string } {
  const parts = (s.partial + chunk.replace(ANSI, '')).split('\n');
  const partial = parts.pop() ?? '';
  const done = parts.map((l) => l.slice(l.lastIndexOf('\r') + 1));
  return { tail: [...s.tail, ...done].slice(-max), partial: partial.slice(partial.lastIndexOf('\r') + 1) };
}

const addOutput = (s: RunState, chunk: string): RunState => ({ ...s, ...appendTail(s, chunk) });

export function reduce(s: RunState, e: RunEvent): RunState {
  const set = (i: number, patch: Partial<StepView>): StepView[] =>
    s.steps.map((st, k) => (k === i ? { ...st, ...patch } : st));
  switch (e.type) {
    case 'start':
      return {
        ...s,
        steps: set(e.index, { status: 'running', startedAt: e.at }),
        current: e.index,
        tail: [],
        partial: '',
      };
    case 'output':
      return addOutput(s, e.chunk);
    case 'end':
      return {
        ...s,
        steps: set(e.index, {
          status: e.outcome,
          durationMs: e.durationMs,
          exitCode: e.exitCode,
          ...(e.log ? { log: e.log } : {}),
          ...(e.note ? { note: e.note } : {}),
        }),
        current: null,
      };
    case 'skip':
      return { ...s, steps: set(e.index, { status: 'skipped', note: e.note }) };
  }
}

/** The lines to show under the running command: the finished tail plus the line being written. */
export const visibleTail = (s: RunState): string[] =>
  s.partial === '' ? s.tail : [...s.tail, s.partial].slice(-TAIL_LINES);

export interface Store {
  get: () => RunState;
  dispatch: (e: RunEvent) => void;
  subscribe: (fn: () => void) => () => void;
}

export function createStore(labels: readonly string[]): Store {
  let state = initialState(labels);
  const subs = new Set<() => void>();
  return {
    get: () => state,
    dispatch: (e) => {
      state = reduce(state, e);
      for (const f of subs) f();
    },
    subscribe: (fn) => {
      subs.add(fn);
      return () => {
        subs.delete(fn);
      };
    },
  };
}
