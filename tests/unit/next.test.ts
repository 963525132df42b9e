/** lynx next's decision: one test per state of a phase, plus the states around phases. */
import { describe, expect, it } from 'vitest';
import { nextActions, type NextInput, type NextPhase } from '../../src/core/next.js';

const phase = (id: number, over: Partial<NextPhase> = {}): NextPhase => ({
  id,
  title: `phase ${id}`,
  requires: id === 0 ? [] : [id - 1],
  status: 'not_started',
  labs: [
    { id: '01', title: 'setup', last: null },
    { id: '02', title: 'more', last: null },
  ],
  hasQuiz: true,
  quizPassed: false,
  cooldownUntil: null,
  hasBreak: true,
  breakState: 'none',
  predictionsCommitted: false,
  openQuestions: 0,
  reflectionsWritten: false,
  ...over,
});
const input = (phases: NextPhase[], over: Partial<NextInput> = {}): NextInput => ({
  learner: 'ana',
  bin: 'lynx',
  learnerFlag: '',
  now: new Date('2026-12-01T12:00:00Z'),
  phases,
  reviewsDue: 0,
  dirty: [],
  ...over,
});
const done = (id: number): NextPhase =>
  phase(id, { status: 'done', reflectionsWritten: true, quizPassed: true, breakState: 'restored', labs: [] });
const first = (i: NextInput) => nextActions(i)[0];

describe('lynx next', () => {
  it('a new workspace starts phase 00', () => {
    expect(first(input([phase(0), phase(1)]))).toMatchObject({
      kind: 'phase-start',
      phase: 0,
      command: 'lynx phase-start 00',
    });
  });
  it('a planned phase waits for approval', () => {
    expect(first(input([phase(0, { status: 'planned' })]))).toMatchObject({
      kind: 'approve',
      command: 'lynx phase-start 00 --approve',
    });
  });
  it('an open phase runs its first lab not passed, then the next', () => {
    const p = phase(0, {
      status: 'in_progress',
      labs: [
        { id: '01', title: 'a', last: 'passed' },
        { id: '02', title: 'b', last: 'failed' },
      ],
    });
    const a = first(input([p]));
    expect(a).toMatchObject({ kind: 'lab', command: 'lynx lab 00 02 --run' });
    expect(a?.why).toContain('last failed');
  });
  it('open questions in §7 come before the labs', () => {
    expect(first(input([phase(0, { status: 'in_progress', openQuestions: 2 })]))).toMatchObject({
      kind: 'open-questions',
    });
  });
  it('labs done: the quiz, and during a cooldown the time it ends', () => {
    const labs = [{ id: '01', title: 'a', last: 'passed' as const }];
    expect(first(input([phase(0, { status: 'in_progress', labs })]))).toMatchObject({
      kind: 'quiz',
      command: 'lynx quiz 00',
    });
    const cooling = first(input([phase(0, { status: 'in_progress', labs, cooldownUntil: '2026-12-01T12:20:00Z' })]));
    expect(cooling).toMatchObject({ kind: 'quiz-cooldown' });
    expect(cooling?.why).toContain('12:20');
    // a cooldown that has run out is a plain retake
    expect(
      first(input([phase(0, { status: 'in_progress', labs, cooldownUntil: '2026-12-01T11:00:00Z' })])),
    ).toMatchObject({ kind: 'quiz' });
  });
  it('quiz passed: predictions for the break, then start it once they are committed', () => {
    const p = { status: 'in_progress' as const, labs: [], quizPassed: true };
    expect(first(input([phase(0, p)]))).toMatchObject({ kind: 'break-predict', command: 'lynx break 00' });
    expect(first(input([phase(0, { ...p, predictionsCommitted: true })]))).toMatchObject({
      kind: 'break-start',
      command: 'lynx break 00 start',
    });
  });
  it('an applied break comes first, whatever else is open', () => {
    const p = phase(0, { status: 'in_progress', breakState: 'active' });
    expect(first(input([p], { reviewsDue: 5 }))).toMatchObject({ kind: 'break-diagnose' });
    expect(first(input([phase(0, { status: 'in_progress', breakState: 'diagnosed' })]))).toMatchObject({
      kind: 'break-restore',
      command: 'lynx break 00 restore',
    });
  });
  it('reviews due come before phase work', () => {
    const acts = nextActions(input([phase(0, { status: 'in_progress' })], { reviewsDue: 3 }));
    expect(acts[0]).toMatchObject({ kind: 'reviews', command: 'lynx review' });
    expect(acts[1]).toMatchObject({ kind: 'lab' });
  });
  it('everything done: commit, then checkpoint --run, then report', () => {
    const p = phase(0, { status: 'in_progress', labs: [], quizPassed: true, breakState: 'restored' });
    expect(nextActions(input([p])).map((a) => a.kind)).toEqual(['checkpoint', 'report']);
    expect(nextActions(input([p], { dirty: ['src/x.py'] })).map((a) => a.kind)).toEqual([
      'commit',
      'checkpoint',
      'report',
    ]);
  });
  it('a closed phase asks for its reflections, then the next phase', () => {
    const acts = nextActions(input([phase(0, { status: 'done' }), phase(1)]));
    expect(acts.map((a) => a.kind)).toEqual(['reflect', 'phase-start']);
    expect(acts[1]).toMatchObject({ phase: 1, command: 'lynx phase-start 01' });
  });
  it('every phase closed: finished; a learner flag and npx prefix are kept in every command', () => {
    expect(first(input([done(0), done(1)]))).toMatchObject({ kind: 'finished', command: null });
    expect(first(input([phase(0)], { bin: 'npx lynx', learnerFlag: '--learner ana' }))?.command).toBe(
      'npx lynx --learner ana phase-start 00',
    );
  });
  it('a phase without quiz or break goes straight from labs to the checkpoint', () => {
    const p = phase(41, { requires: [], status: 'in_progress', labs: [], hasQuiz: false, hasBreak: false });
    expect(first(input([p]))).toMatchObject({ kind: 'checkpoint', command: 'lynx checkpoint 41 --run' });
  });
});
