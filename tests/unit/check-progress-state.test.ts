import { describe, expect, it } from 'vitest';
import { reduceProgress, statusOf, CHECK_TAIL, type ProgressState } from '../../src/ui/check-progress-state.js';

const ok = {
  exitCode: 0,
  timedOut: false,
  interrupted: false,
  durationMs: 1200,
  output: '',
  logFile: '.lynx/logs/a.log',
};

describe('the gate run view state', () => {
  it('tracks concurrent commands apart, keeps each one its own tail', () => {
    let s: ProgressState = { cmds: [] };
    s = reduceProgress(s, { type: 'start', id: 1, label: 'just test', log: 'l1', at: 0 });
    s = reduceProgress(s, { type: 'start', id: 2, label: 'just lint', at: 0 });
    s = reduceProgress(s, { type: 'output', id: 1, chunk: 'a\nb\nc\nd\ne\nf' });
    s = reduceProgress(s, { type: 'output', id: 2, chunk: 'lint ok\n' });
    expect(s.cmds[0]?.tail).toEqual(['b', 'c', 'd', 'e'].slice(-CHECK_TAIL));
    expect(s.cmds[0]?.partial).toBe('f');
    expect(s.cmds[1]?.tail).toEqual(['lint ok']);
    s = reduceProgress(s, { type: 'end', id: 2, label: 'just lint', r: { ...ok, exitCode: 1 }, at: 5 });
    expect(s.cmds.map((c) => c.status)).toEqual(['running', 'failed']);
  });

  it('a command that ends without starting (its recipe is missing) still gets a row with its error', () => {
    const s = reduceProgress(
      { cmds: [] },
      { type: 'end', id: 7, label: 'just nope', r: { ...ok, exitCode: null, error: 'no recipe' }, at: 1 },
    );
    expect(s.cmds).toMatchObject([{ id: 7, label: 'just nope', status: 'error', note: 'no recipe' }]);
  });

  it('names outcomes: passed, failed, timed out, interrupted, error', () => {
    expect(statusOf(ok)).toBe('passed');
    expect(statusOf({ ...ok, exitCode: 2 })).toBe('failed');
    expect(statusOf({ ...ok, timedOut: true })).toBe('timed_out');
    expect(statusOf({ ...ok, interrupted: true })).toBe('interrupted');
    expect(statusOf({ ...ok, error: 'x' })).toBe('error');
  });
});
