import { describe, expect, it } from 'vitest';
import { render } from 'ink-testing-library';
import { LabRunFrame } from '../../src/ui/lab-run-view.js';
import {
  createStore,
  initialState,
  reduce,
  visibleTail,
  TAIL_LINES,
  type RunEvent,
  type RunState,
} from '../../src/ui/lab-run-state.js';

const play = (labels: string[], events: RunEvent[]): RunState => events.reduce(reduce, initialState(labels));

describe('lab run state', () => {
  it('tracks each command, keeps the tail of the running one, handles partial lines, \\r redraws and ANSI', () => {
    const s = play(
      ['just setup', 'just test'],
      [
        { type: 'start', index: 0, at: 1000 },
        { type: 'output', chunk: 'line 1\nline' },
        { type: 'output', chunk: ' 2\n\u001b[32mgreen\u001b[39m\n10%\r50%\r100%\npart' },
      ],
    );
    expect(s.steps.map((x) => x.status)).toEqual(['running', 'pending']);
    expect(s.current).toBe(0);
    expect(s.tail).toEqual(['line 1', 'line 2', 'green', '100%']);
    expect(visibleTail(s)).toEqual(['line 1', 'line 2', 'green', '100%', 'part']);
    const many = reduce(s, { type: 'output', chunk: Array.from({ length: 20 }, (_, i) => `l${i}\n`).join('') });
    expect(many.tail).toHaveLength(TAIL_LINES);
    expect(many.tail.at(-1)).toBe('l19');
    const done = reduce(
      reduce(many, {
        type: 'end',
        index: 0,
        outcome: 'failed',
        durationMs: 1500,
        exitCode: 3,
        log: '.lynx/logs/x.log',
      }),
      { type: 'skip', index: 1, note: 'needs gpu' },
    );
    expect(done.current).toBeNull();
    expect(done.steps).toEqual([
      {
        label: 'just setup',
        status: 'failed',
        startedAt: 1000,
        durationMs: 1500,
        exitCode: 3,
        log: '.lynx/logs/x.log',
      },
      { label: 'just test', status: 'skipped', note: 'needs gpu' },
    ]);
    const next = reduce(done, { type: 'start', index: 1, at: 5000 });
    expect(next.tail).toEqual([]);
  });

  it('the store notifies subscribers on each event', () => {
    const store = createStore(['a']);
    let n = 0;
    const off = store.subscribe(() => {
      n++;
    });
    store.dispatch({ type: 'start', index: 0, at: 0 });
    off();
    store.dispatch({ type: 'output', chunk: 'x\n' });
    expect(n).toBe(1);
    expect(store.get().tail).toEqual(['x']);
  });
});

describe('the ink frame', () => {
  it('shows finished commands, a spinner with elapsed time and the output tail, and what is left', () => {
    const s = play(
      ['just setup', 'just test', 'just lint'],
      [
        { type: 'start', index: 0, at: 0 },
        { type: 'end', index: 0, outcome: 'passed', durationMs: 1234, exitCode: 0 },
        { type: 'start', index: 1, at: 10_000 },
        { type: 'output', chunk: 'Ran 4 tests\nOK\n' },
      ],
    );
    const { lastFrame, frames, unmount } = render(
      <LabRunFrame state={s} now={75_000} title="Lab 00/00 — Env checklist" />,
    );
    const all = frames.join('\n');
    expect(all).toContain('Lab 00/00 — Env checklist');
    expect(all).toContain('✓ just setup  passed  1.2 s');
    const frame = lastFrame() ?? '';
    expect(frame).toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] just test {2}1m 05s/);
    expect(frame).toContain('│ Ran 4 tests');
    expect(frame).toContain('│ OK');
    expect(frame).toContain('1 more command to run');
    unmount();
  });

  it('a failed command names its exit code and its log', () => {
    const s = play(
      ['just lint'],
      [
        { type: 'start', index: 0, at: 0 },
        { type: 'end', index: 0, outcome: 'failed', durationMs: 200, exitCode: 3, log: '.lynx/logs/00-lint.log' },
      ],
    );
    const { frames, unmount } = render(<LabRunFrame state={s} now={1000} title="t" />);
    expect(frames.join('\n')).toContain('✗ just lint  failed exit 3  0.2 s  log: .lynx/logs/00-lint.log');
    unmount();
  });
});
