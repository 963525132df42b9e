/** The review screen with ink-testing-library: reveal, grade, next card, leech flag, exact frames. */
import { afterEach, describe, expect, it } from 'vitest';
import { render, cleanup } from 'ink-testing-library';
import { ReviewApp, type ReviewCardView } from '../../src/ui/review/ReviewApp.js';
import type { QuizItem } from '../../src/core/quiz/grade.js';
import type { GradeName } from '../../src/core/review/sm2.js';

afterEach(cleanup);
const tick = (ms = 30) => new Promise((r) => setTimeout(r, ms));
/** Saving a grade is async: poll the frame (up to 2 s) until it shows `text`. */
async function until(app: { lastFrame: () => string | undefined }, text: string): Promise<string> {
  for (let i = 0; i < 100 && !(app.lastFrame() ?? '').includes(text); i++) await tick(20);
  return app.lastFrame() ?? '';
}

const mcq = { id: 'q-00-04', title: 'git_dirty', answer_type: 'mcq', prompt_en: 'Why reject a dirty manifest?', choices: ['Confuses uv', 'The sha no longer names the code'], correct: 1, rubric: 'The sha is not what ran.', tags: ['manifests'] } as QuizItem;
const free = { id: 'q-01-04', title: 'Matmul (free)', answer_type: 'free', prompt_en: 'Why is matmul compute-bound?', model_answer: 'Intensity grows with N.', tags: ['roofline'] } as QuizItem;

describe('ReviewApp', () => {
  it('question, reveal, grade; each grade saved before the next card; then the day is done', async () => {
    const grades: [string, GradeName][] = [];
    const cards: ReviewCardView[] = [
      { id: 'q-00-04', phase: 0, item: mcq, due: '2026-03-01', leech: undefined },
      { id: 'q-01-04', phase: 1, item: free, due: '2026-03-02', leech: { misses: 8, page: 'docs/phase-01-hardware-substrate/theory/03-roofline-model.md' } },
    ];
    let exited: unknown;
    const app = render(<ReviewApp cards={cards} dueTotal={3} today="2026-03-02" nextReview={() => '2026-03-03'}
      onGrade={(id, g) => { grades.push([id, g]); return Promise.resolve({ due: '2026-03-03' }); }} onExit={(g) => { exited = g; }} />);
    expect(await until(app, 'Space reveal')).toBe([
      'Review · Due today: 3 · Done: 0 · Card 1 of 2',
      'Phase 00 · overdue since 2026-03-01',
      '',
      'q-00-04 · git_dirty (one answer)',
      'Why reject a dirty manifest?',
      '',
      '  1. Confuses uv',
      '  2. The sha no longer names the code',
      '',
      'Space reveal the answer · q quit',
    ].join('\n'));
    app.stdin.write('3'); // no grade before the reveal
    await tick();
    expect(grades).toEqual([]);
    app.stdin.write(' ');
    expect(await until(app, 'How well')).toBe([
      'Review · Due today: 3 · Done: 0 · Card 1 of 2',
      'Phase 00 · overdue since 2026-03-01',
      '',
      'q-00-04 · git_dirty (one answer)',
      'Why reject a dirty manifest?',
      '',
      '  1. Confuses uv',
      '✓ 2. The sha no longer names the code',
      '',
      'The sha is not what ran.',
      '',
      'How well did you recall it? 1 Again · 2 Hard · 3 Good · 4 Easy',
    ].join('\n'));
    app.stdin.write('3');
    expect(await until(app, 'Card 2 of 2')).toContain('Review · Due today: 3 · Done: 1 · Card 2 of 2');
    expect(grades).toEqual([['q-00-04', 'good']]);
    expect(app.lastFrame()).toContain('⚠ leech: missed 8 times — revisit this concept: phase 01,\ndocs/phase-01-hardware-substrate/theory/03-roofline-model.md');
    app.stdin.write('\r');
    expect(await until(app, 'Model answer')).toContain('Model answer: Intensity grows with N.');
    app.stdin.write('a');
    // Again is a learning step: the card comes back in the same session, marked, and its SM-2 grade is already saved.
    expect(await until(app, 'Card 3 of 3')).toContain('Review · Due today: 3 · Done: 2 · Card 3 of 3\nPhase 01 · again: once more (already scheduled by SM-2)');
    expect(grades).toEqual([['q-00-04', 'good'], ['q-01-04', 'again']]);
    app.stdin.write(' ');
    await until(app, 'Model answer');
    app.stdin.write('3');
    expect(await until(app, 'Enter to leave')).toBe([
      'Review · Due today: 3 · Done: 2',
      'Reviewed 2 cards (again 1, good 1); 1 again card re-shown.',
      '1 more due card waits for tomorrow (daily limit).',
      'Next review: tomorrow (2026-03-03).',
      'Enter to leave',
    ].join('\n'));
    app.stdin.write('\r');
    for (let i = 0; i < 50 && exited === undefined; i++) await tick(20);
    expect(exited).toEqual([{ id: 'q-00-04', grade: 'good' }, { id: 'q-01-04', grade: 'again' }]);
    expect(grades).toHaveLength(2); // the re-showing saved nothing: SM-2 keeps the Again schedule
  });

  it('nothing due: says so', async () => {
    const app = render(<ReviewApp cards={[]} dueTotal={0} today="2026-03-02" nextReview={() => undefined} onGrade={() => Promise.resolve({ due: '' })} onExit={() => undefined} />);
    await tick();
    expect(app.lastFrame()).toBe(['Review · Due today: 0 · Done: 0', 'Nothing due today.', 'Your deck is empty.', 'Enter to leave'].join('\n'));
  });
});
