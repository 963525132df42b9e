/** The quiz screens with ink-testing-library: scripted keystrokes, exact frames. */
import { afterEach, describe, expect, it } from 'vitest';
import { render, cleanup } from 'ink-testing-library';
import { QuizApp, type QuizExit, type Snapshot } from '../../src/ui/quiz/QuizApp.js';
import { gradeItem, type Given, type QuizItem } from '../../src/core/quiz/grade.js';
import type { FinishInfo } from '../../src/ui/quiz/SummaryView.js';

afterEach(cleanup);

const ITEMS = [
  { id: 'q-00-01', title: 'Lockfiles', answer_type: 'mcq', prompt_en: 'Why a lockfile?', choices: ['Readable', 'Pins hashes', 'Order'], correct: 1, rubric: '**Choice 2.** Hashes pin it.', tags: ['lockfile'] },
  { id: 'q-00-02', title: 'Sources (multi)', answer_type: 'multi', prompt_en: 'Pick every source.', choices: ['BLAS', 'random', 'TF32'], correct: [0, 2], tags: ['seeding'] },
  { id: 'q-00-03', title: 'Manifest (free)', answer_type: 'free', prompt_en: 'Name what a manifest holds.', keywords: [['seed'], ['git sha']], model_answer: 'seed, git sha', tags: ['manifests'] },
] as QuizItem[];

const KEY = { escape: '\u001B', enter: '\r', down: '\u001B[B', up: '\u001B[A', tab: '\t', shiftTab: '\u001B[Z', ctrlC: '\u0003', backspace: '\u007F', altEnter: '\u001B\r' };
const tick = (ms = 30) => new Promise((r) => setTimeout(r, ms));

function setup(extra: Partial<Parameters<typeof QuizApp>[0]> = {}) {
  const saved: Snapshot[] = [];
  const exits: QuizExit[] = [];
  const finished: Given[][] = [];
  const info: FinishInfo = { score: 2 / 3, points: 2, total: 3, passed: false, threshold: 0.7, missed: [{ id: 'q-00-02', title: 'Sources', verdict: 'wrong' }], added: ['q-00-02'], already: [], today: '2026-03-01', nextReview: '2026-03-02', cooldownUntil: undefined, revisit: [], warnings: [] };
  const app = render(
    <QuizApp phase={0} items={ITEMS} feedback="each" now={() => 0}
      grade={(item, given) => Promise.resolve(gradeItem(item, given))}
      onProgress={(s) => saved.push(s)} onRestart={() => undefined}
      onFinish={(graded) => { finished.push(graded.map((g) => g.answer as Given)); return Promise.resolve(info); }}
      onExit={(e) => exits.push(e)} {...extra} />,
  );
  const press = async (...keys: string[]) => { for (const k of keys) { app.stdin.write(k); await tick(); } };
  /** Grading and saving are async: wait (up to 2 s) until the frame shows `text`. */
  const until = async (text: string) => {
    for (let i = 0; i < 100 && !(app.lastFrame() ?? '').includes(text); i++) await tick(20);
    return app.lastFrame() ?? '';
  };
  return { app, press, until, saved, exits, finished };
}

describe('QuizApp', () => {
  it('first frame: header with progress bar, the question, the choices, the keys', async () => {
    const { until } = setup();
    expect(await until('Enter answer')).toBe([
      'Phase 00 · Question 1 of 3 · 00:00 elapsed',
      '░░░░░░░░░░░░░░░░░░░░░░░░ 0/3 answered',
      '',
      'q-00-01 · Lockfiles (one answer)',
      'Why a lockfile?',
      '',
      '❯ 1. Readable',
      '  2. Pins hashes',
      '  3. Order',
      '',
      '↑↓ or 1-9 move · Enter answer · Tab skip · Shift+Tab back · q quit',
    ].join('\n'));
  });

  it('arrow keys move, Enter answers, the verdict and the rubric follow, and the answer is saved at once', async () => {
    const { press, until, saved } = setup();
    await press(KEY.down);
    expect(await until('❯ 2. Pins hashes')).toContain('❯ 2. Pins hashes');
    await press(KEY.enter);
    expect(await until('✓ correct')).toBe([
      'Phase 00 · Question 1 of 3 · 00:00 elapsed',
      '████████░░░░░░░░░░░░░░░░ 1/3 answered',
      '',
      'q-00-01 · Lockfiles (one answer)',
      'Why a lockfile?',
      '',
      '✓ correct',
      '',
      '  1. Readable',
      '✓ 2. Pins hashes  ← your answer',
      '  3. Order',
      '',
      'Choice 2. Hashes pin it.',
      '',
      'Enter next · Shift+Tab back · q quit',
    ].join('\n'));
    for (let i = 0; i < 50 && !saved.at(-1)?.graded['q-00-01']; i++) await tick(20);
    expect(saved.at(-1)?.graded['q-00-01']).toMatchObject({ verdict: 'correct', points: 1 });
  });

  it('multi-select: number keys and Space tick, Enter with nothing ticked only warns', async () => {
    const { press, until } = setup();
    await press('1', KEY.enter);
    await until('✓ correct');
    await press(KEY.enter, KEY.enter);
    expect(await until('! tick at least one choice with Space (or its number), then Enter')).toContain('! tick at least one choice with Space (or its number), then Enter');
    await press('1', KEY.down, KEY.down, ' ');
    expect(await until('❯ [x] 3. TF32')).toContain([
      '  [x] 1. BLAS',
      '  [ ] 2. random',
      '❯ [x] 3. TF32',
    ].join('\n'));
    await press(KEY.enter);
    expect(await until('✓ correct')).toContain('✓ correct');
  });

  it('free text: typing, editing, a pasted line and Alt+Enter for a new line, then the verdict', async () => {
    const { press, until } = setup();
    await press(KEY.tab, KEY.tab);
    expect(await until('q-00-03 · Manifest (free answer)')).toContain('q-00-03 · Manifest (free answer)');
    await press('the sedd', KEY.backspace, KEY.backspace, 'ed', KEY.altEnter, '\u001B[200~and the git sha,\nfrom the runs record\u001B[201~');
    expect(await until(['› the seed', '  and the git sha,', '  from the runs record'].join('\n'))).toContain(['› the seed', '  and the git sha,', '  from the runs record'].join('\n'));
    await press(KEY.enter);
    expect(await until('✓ correct')).toContain('Your answer: the seed\nand the git sha,\nfrom the runs record');
  });

  it('skip and go back; a revealed answer is shown, not asked again', async () => {
    const { press, until } = setup();
    await press(KEY.enter);
    await until('✗ wrong');
    await press(KEY.enter, KEY.shiftTab);
    expect(await until('✗ wrong')).toContain('✗ wrong');
    expect(await until('q-00-01 · Lockfiles')).toContain('q-00-01 · Lockfiles');
    await press(KEY.tab, KEY.tab);
    expect(await until('q-00-03')).toContain('q-00-03');
  });

  it('q and Ctrl-C ask before leaving; n stays, y leaves with the answers saved', async () => {
    const { press, until, exits } = setup();
    await press('2', KEY.enter);
    await until('✓ correct');
    await press(KEY.enter, 'q');
    expect(await until('y leave · n stay')).toBe([
      'Phase 00 · Question 2 of 3 · 00:00 elapsed',
      '████████░░░░░░░░░░░░░░░░ 1/3 answered',
      '',
      'Leave the quiz?',
      'Your 1 answer is saved; `lynx quiz 00` resumes this attempt.',
      'y leave · n stay',
    ].join('\n'));
    await press('n');
    expect(await until('q-00-02')).toContain('q-00-02');
    await press(KEY.ctrlC, 'y');
    expect(exits).toEqual([{ kind: 'left', answered: 1, drafts: 0 }]);
  });

  it('skipping past the end asks; finishing records the attempt and shows the summary', async () => {
    const { press, until, finished, exits } = setup();
    await press('2', KEY.enter);
    await until('✓ correct');
    await press(KEY.enter, KEY.tab, KEY.tab);
    expect(await until('2 questions not answered: q-00-02, q-00-03')).toContain('2 questions not answered: q-00-02, q-00-03');
    await press('f');
    const frame = await until('Enter to leave');
    expect(finished).toHaveLength(1);
    expect(frame).toBe([
      'Phase 00 quiz · finished in 00:00',
      'Score 67% (2 of 3) · pass ≥ 70% · NOT PASSED',
      '',
      'Missed:',
      '  ✗ q-00-02 Sources',
      '',
      '1 question added to your review deck; next review: tomorrow (2026-03-02).',
      '',
      'Enter to leave',
    ].join('\n'));
    await press(KEY.enter);
    expect(exits).toEqual([{ kind: 'finished', passed: false }]);
  });

  it('a restored attempt asks to resume, then continues where it stopped', async () => {
    const restored = { index: 1, answers: { 'q-00-01': { kind: 'choice', index: 1 } as Given }, graded: { 'q-00-01': gradeItem(ITEMS[0]!, { kind: 'choice', index: 1 }) }, revealed: ['q-00-01'], elapsedMs: 65_000, startedAt: '2026-03-01T10:00:00.000Z' };
    const { press, until } = setup({ restored });
    expect(await until('y resume')).toBe([
      'Phase 00 · Question 2 of 3 · 01:05 elapsed',
      '████████░░░░░░░░░░░░░░░░ 1/3 answered',
      '',
      'You have an unfinished attempt from 2026-03-01 10:00 UTC: 1 of 3 answered, 01:05 spent.',
      'y resume where you stopped · n start over (the saved answers are dropped)',
    ].join('\n'));
    await press('y');
    expect(await until('q-00-02 · Sources (select every right answer)')).toContain('q-00-02 · Sources (select every right answer)');
  });

  it('feedback at the end: no verdict while answering, then every verdict with its explanation', async () => {
    const { press, until } = setup({ feedback: 'end' });
    await press('1', KEY.enter);
    expect(await until('Question 2 of 3')).not.toContain('wrong');
    await press('1', '3', KEY.enter);
    await until('Question 3 of 3');
    await press('seed and git sha of the run, kept with the results');
    await press(KEY.enter);
    const frame = await until('Enter to leave');
    expect(frame).toContain([
      'q-00-01 Lockfiles',
      '  ✗ wrong',
      '  Answer: 2. Pins hashes',
      '  Choice 2. Hashes pin it.',
      '',
      'q-00-02 Sources',
      '  ✓ correct',
      '',
      'q-00-03 Manifest',
      '  ✓ correct',
    ].join('\n'));
  });

  it('a question without keywords: the learner compares with the model answer and says whether it matched', async () => {
    const self = { id: 'q-01-04', title: 'Matmul vs add (free)', answer_type: 'free', prompt_en: 'Why is matmul compute-bound but add memory-bound?', model_answer: 'Matmul intensity grows with N; add stays at 1/12.', tags: ['roofline'] } as QuizItem;
    const { press, until } = setup({ items: [self] });
    await press('intensity of matmul grows linearly with size while elementwise add stays constant');
    await press(KEY.enter);
    expect(await until('Did your answer say the same?')).toContain([
      'Your answer: intensity of matmul grows linearly with size while elementwise add stays constant',
      '',
      'Model answer:',
      'Matmul intensity grows with N; add stays at 1/12.',
      '',
      'Did your answer say the same? y yes · n no',
    ].join('\n'));
    await press('y');
    expect(await until('self-assessed')).toContain('? self-assessed: right');
  });

  it('unsent text is kept on leaving and is in the field again on resume, at the first unanswered question', async () => {
    const first = setup();
    await first.press('2', KEY.enter);
    await first.until('✓ correct');
    await first.press(KEY.enter, KEY.tab); // q-00-02 skipped: the first unanswered one
    await first.until('q-00-03');
    await first.press('seed and the git');
    await first.until('seed and the git');
    await first.press(KEY.escape);
    await first.until('y leave · n stay');
    await first.press('y');
    expect(first.exits).toEqual([{ kind: 'left', answered: 1, drafts: 1 }]);
    const last = first.saved.at(-1);
    expect(last).toMatchObject({ index: 2, drafts: { 'q-00-03': 'seed and the git' } });
    cleanup();
    const again = setup({ restored: { ...last!, startedAt: '2026-03-01T10:00:00Z' } });
    expect(await again.until('y resume')).toContain('1 of 3 answered');
    await again.press('y');
    expect(await again.until('q-00-02')).toContain('q-00-02 · Sources (select every right answer)');
    await again.press(KEY.tab);
    expect(await again.until('seed and the git')).toContain('› seed and the git');
  });
});
