/**
 * The quiz and review screens at 40, 80 and 120 columns, exact frames: a choice number keeps its
 * separator ("2. numpy…", never "2.numpy" / "4NumPy"), a wrapped choice hangs under its text, and no
 * wrapped line starts with a stray space. (The regression: a word longer than the line shrank the
 * number's box as well as the text's.)
 */
import { afterEach, describe, expect, it } from 'vitest';
import { render, cleanup } from 'ink-testing-library';
import { Box } from 'ink';
import { QuizApp } from '../../src/ui/quiz/QuizApp.js';
import { ReviewApp } from '../../src/ui/review/ReviewApp.js';
import { gradeItem, type QuizItem } from '../../src/core/quiz/grade.js';
import type { FinishInfo } from '../../src/ui/quiz/SummaryView.js';
import { dropLeadingSpace } from '../../src/ui/widgets/Prose.js';
import { squeeze } from '../../src/ui/widgets/HangingRow.js';

afterEach(cleanup);
const tick = (ms = 20) => new Promise((r) => setTimeout(r, ms));

const ITEM = {
  id: 'q-02-01', title: 'Seeding', answer_type: 'mcq', prompt_en: 'Which call gives a generator that is independent of the global NumPy state, so that two libraries cannot disturb it?',
  choices: ['np.random.seed(0) before every call', 'numpy.random.default_rng(seed).integers', 'random.seed(0)', 'NumPy_global_state_is_shared_by_every_library ok'],
  correct: 1, rubric: 'A Generator owns its state.', tags: ['seeding'],
} as QuizItem;
const INFO: FinishInfo = { score: 1, points: 1, total: 1, passed: true, threshold: 0.7, missed: [], added: [], already: [], today: '2026-03-01', nextReview: undefined, cooldownUntil: undefined, revisit: [], warnings: [] };

async function frame(node: React.ReactElement, until: string, keys: string[] = []): Promise<string[]> {
  const app = render(node);
  for (const k of keys) { await tick(40); app.stdin.write(k); }
  for (let i = 0; i < 100 && !(app.lastFrame() ?? '').includes(until); i++) await tick();
  return (app.lastFrame() ?? '').split('\n');
}
const quiz = (w: number) => (
  <Box width={w} flexDirection="column">
    <QuizApp phase={2} items={[ITEM]} feedback="each" now={() => 0} grade={(it, g) => Promise.resolve(gradeItem(it, g))}
      onProgress={() => undefined} onRestart={() => undefined} onFinish={() => Promise.resolve(INFO)} onExit={() => undefined} />
  </Box>
);

/** The properties every frame must have, at any width. */
function wellFormed(lines: string[], w: number): void {
  for (const l of lines) {
    expect(l.length, l).toBeLessThanOrEqual(w);
    expect(l, 'a wrapped line starts with a stray space').not.toMatch(/^ \S/u);
    expect(l, 'a number lost its separator').not.toMatch(/^[❯✓ ] ?\s*\d+(\.\S|[^\d.\s])/u);
  }
}

describe('quiz frames by width', () => {
  it.each([40, 80, 120])('question at %i columns', async (w) => {
    const lines = await frame(quiz(w), 'q quit');
    wellFormed(lines, w);
    expect(lines).toEqual(QUESTION[w]);
  });
  it.each([40, 80, 120])('feedback at %i columns', async (w) => {
    const lines = await frame(quiz(w), 'Enter next', ['\u001B[B', '\r']);
    wellFormed(lines, w);
    expect(lines).toEqual(FEEDBACK[w]);
  });
  it.each([40, 80, 120])('review card at %i columns', async (w) => {
    const node = (
      <Box width={w} flexDirection="column">
        <ReviewApp cards={[{ id: ITEM.id, phase: 2, item: ITEM, due: '2026-03-01', leech: undefined }]} dueTotal={1} today="2026-03-01"
          nextReview={() => undefined} onGrade={() => Promise.resolve({ due: '2026-03-02' })} onExit={() => undefined} />
      </Box>
    );
    const lines = await frame(node, 'q quit');
    wellFormed(lines, w);
    expect(lines).toEqual(REVIEW[w]);
  });
  it('continuation lines lose a stray space, behind colour codes too; the first line keeps its indent', () => {
    expect(dropLeadingSpace(' · q quit', 1)).toBe('· q quit');
    expect(dropLeadingSpace('\u001B[2m · q quit', 2)).toBe('\u001B[2m· q quit');
    expect(dropLeadingSpace('  1. first', 0)).toBe('  1. first');
    expect(squeeze('a  b \n  c ')).toBe('a b\nc');
  });
  it('the check itself fails on the old rendering', () => {
    expect(() => wellFormed(['  2.numpy.random'], 40)).toThrow();
    expect(() => wellFormed(['✓ 4NumPy'], 40)).toThrow();
    expect(() => wellFormed(['x'.repeat(41)], 40)).toThrow();
    expect(() => wellFormed([' · Shift+Tab back · q quit'], 40)).toThrow();
  });
});

const QUESTION: Record<number, string[]> = {
  40: [
    'Phase 02 · Question 1 of 1 · 00:00',
    'elapsed',
    '░░░░░░░░░░░░░░░░░░░░░░░░ 0/1 answered',
    '',
    'q-02-01 · Seeding (one answer)',
    'Which call gives a generator that is',
    'independent of the global NumPy state,',
    'so that two libraries cannot disturb it?',
    '',
    '❯ 1. np.random.seed(0) before every call',
    '  2. numpy.random.default_rng(seed).inte',
    '     gers',
    '  3. random.seed(0)',
    '  4. NumPy_global_state_is_shared_by_eve',
    '     ry_library ok',
    '',
    '↑↓ or 1-9 move · Enter answer · Tab skip',
    '· Shift+Tab back · q quit',
  ],
  80: [
    'Phase 02 · Question 1 of 1 · 00:00 elapsed',
    '░░░░░░░░░░░░░░░░░░░░░░░░ 0/1 answered',
    '',
    'q-02-01 · Seeding (one answer)',
    'Which call gives a generator that is independent of the global NumPy state, so',
    'that two libraries cannot disturb it?',
    '',
    '❯ 1. np.random.seed(0) before every call',
    '  2. numpy.random.default_rng(seed).integers',
    '  3. random.seed(0)',
    '  4. NumPy_global_state_is_shared_by_every_library ok',
    '',
    '↑↓ or 1-9 move · Enter answer · Tab skip · Shift+Tab back · q quit',
  ],
  120: [
    'Phase 02 · Question 1 of 1 · 00:00 elapsed',
    '░░░░░░░░░░░░░░░░░░░░░░░░ 0/1 answered',
    '',
    'q-02-01 · Seeding (one answer)',
    'Which call gives a generator that is independent of the global NumPy state, so that two libraries cannot disturb it?',
    '',
    '❯ 1. np.random.seed(0) before every call',
    '  2. numpy.random.default_rng(seed).integers',
    '  3. random.seed(0)',
    '  4. NumPy_global_state_is_shared_by_every_library ok',
    '',
    '↑↓ or 1-9 move · Enter answer · Tab skip · Shift+Tab back · q quit',
  ],
};
const FEEDBACK: Record<number, string[]> = {
  40: [
    'Phase 02 · Question 1 of 1 · 00:00',
    'elapsed',
    '████████████████████████ 1/1 answered',
    '',
    'q-02-01 · Seeding (one answer)',
    'Which call gives a generator that is',
    'independent of the global NumPy state,',
    'so that two libraries cannot disturb it?',
    '',
    '✓ correct',
    '',
    '  1. np.random.seed(0) before every call',
    '✓ 2. numpy.random.default_rng(seed).inte',
    '     gers  ← your answer',
    '  3. random.seed(0)',
    '  4. NumPy_global_state_is_shared_by_eve',
    '     ry_library ok',
    '',
    'A Generator owns its state.',
    '',
    'Enter next · Shift+Tab back · q quit',
  ],
  80: [
    'Phase 02 · Question 1 of 1 · 00:00 elapsed',
    '████████████████████████ 1/1 answered',
    '',
    'q-02-01 · Seeding (one answer)',
    'Which call gives a generator that is independent of the global NumPy state, so',
    'that two libraries cannot disturb it?',
    '',
    '✓ correct',
    '',
    '  1. np.random.seed(0) before every call',
    '✓ 2. numpy.random.default_rng(seed).integers  ← your answer',
    '  3. random.seed(0)',
    '  4. NumPy_global_state_is_shared_by_every_library ok',
    '',
    'A Generator owns its state.',
    '',
    'Enter next · Shift+Tab back · q quit',
  ],
  120: [
    'Phase 02 · Question 1 of 1 · 00:00 elapsed',
    '████████████████████████ 1/1 answered',
    '',
    'q-02-01 · Seeding (one answer)',
    'Which call gives a generator that is independent of the global NumPy state, so that two libraries cannot disturb it?',
    '',
    '✓ correct',
    '',
    '  1. np.random.seed(0) before every call',
    '✓ 2. numpy.random.default_rng(seed).integers  ← your answer',
    '  3. random.seed(0)',
    '  4. NumPy_global_state_is_shared_by_every_library ok',
    '',
    'A Generator owns its state.',
    '',
    'Enter next · Shift+Tab back · q quit',
  ],
};
const REVIEW: Record<number, string[]> = {
  40: [
    'Review · Due today: 1 · Done: 0 · Card 1',
    'of 1',
    'Phase 02',
    '',
    'q-02-01 · Seeding (one answer)',
    'Which call gives a generator that is',
    'independent of the global NumPy state,',
    'so that two libraries cannot disturb it?',
    '',
    '  1. np.random.seed(0) before every call',
    '  2. numpy.random.default_rng(seed).inte',
    '     gers',
    '  3. random.seed(0)',
    '  4. NumPy_global_state_is_shared_by_eve',
    '     ry_library ok',
    '',
    'Space reveal the answer · q quit',
  ],
  80: [
    'Review · Due today: 1 · Done: 0 · Card 1 of 1',
    'Phase 02',
    '',
    'q-02-01 · Seeding (one answer)',
    'Which call gives a generator that is independent of the global NumPy state, so',
    'that two libraries cannot disturb it?',
    '',
    '  1. np.random.seed(0) before every call',
    '  2. numpy.random.default_rng(seed).integers',
    '  3. random.seed(0)',
    '  4. NumPy_global_state_is_shared_by_every_library ok',
    '',
    'Space reveal the answer · q quit',
  ],
  120: [
    'Review · Due today: 1 · Done: 0 · Card 1 of 1',
    'Phase 02',
    '',
    'q-02-01 · Seeding (one answer)',
    'Which call gives a generator that is independent of the global NumPy state, so that two libraries cannot disturb it?',
    '',
    '  1. np.random.seed(0) before every call',
    '  2. numpy.random.default_rng(seed).integers',
    '  3. random.seed(0)',
    '  4. NumPy_global_state_is_shared_by_every_library ok',
    '',
    'Space reveal the answer · q quit',
  ],
};
