/**
 * Every one of the 204 bundled questions is graded right with its own key and wrong without it
 * (the grader the CLI's --answers uses; tests/integration/quiz-answers.test.ts runs the CLI itself).
 */
import { describe, expect, it } from 'vitest';
import { parseAnswers } from '../../src/core/quiz/answers.js';
import { gradeItem, scoreOf } from '../../src/core/quiz/grade.js';
import { askable, bundledBanks, rightAnswer, wrongAnswer, OWN_WORDS } from '../helpers/quiz-keys.js';

const banks = bundledBanks();

function grade(bank: (typeof banks)[number]['bank'], answers: Record<string, unknown>) {
  const parsed = parseAnswers(answers, bank.items);
  expect(parsed.problems).toEqual([]);
  return askable(bank).map((i) => gradeItem(i, parsed.answers.get(i.id)));
}

describe('the 204 bundled questions', () => {
  it('are 204 in 41 banks (q-39-02 not askable)', () => {
    expect(banks).toHaveLength(41);
    expect(banks.reduce((n, b) => n + b.bank.items.length, 0)).toBe(204);
    expect(banks.flatMap((b) => b.bank.items.filter((i) => i.askable === false).map((i) => i.id))).toEqual(['q-39-02']);
  });

  it('each bank scores 100 % with its own keys', () => {
    for (const { name, bank } of banks) {
      const graded = grade(bank, Object.fromEntries(askable(bank).map((i) => [i.id, rightAnswer(i)])));
      const wrong = graded.filter((g) => g.points !== 1).map((g) => `${g.id}: ${g.verdict} ${g.feedback}`);
      expect(wrong, name).toEqual([]);
      expect(scoreOf(graded, graded.length, 0.7).score, name).toBe(1);
    }
  });

  it('every spelling of every keyword counts', () => {
    let tried = 0;
    for (const { bank } of banks) {
      for (const item of askable(bank).filter((i) => (i.keywords?.length ?? 0) > 0)) {
        const longest = Math.max(...(item.keywords ?? []).map((k) => (typeof k === 'string' ? 1 : k.length)));
        for (let j = 0; j < longest; j++) {
          const g = gradeItem(item, { kind: 'text', text: rightAnswer(item, () => j) as string });
          expect(g.points, `${item.id} spelling ${j}: ${g.feedback}`).toBe(1);
          tried++;
        }
      }
    }
    expect(tried).toBeGreaterThan(150);
  });

  it('each item scores 0 with a wrong answer, and a bank with all wrong answers scores 0', () => {
    for (const { name, bank } of banks) {
      const graded = grade(bank, Object.fromEntries(askable(bank).map((i) => [i.id, wrongAnswer(i)])));
      expect(
        graded.filter((g) => g.points !== 0).map((g) => g.id),
        name,
      ).toEqual([]);
      expect(scoreOf(graded, graded.length, 0.7)).toMatchObject({ score: 0, passed: false });
    }
  });

  it('a free answer that repeats the question does not pass, even with the keywords in it', () => {
    for (const { bank } of banks) {
      for (const item of askable(bank).filter((i) => i.answer_type === 'free')) {
        const given =
          (item.keywords?.length ?? 0) > 0
            ? { kind: 'text' as const, text: item.prompt_en }
            : { kind: 'text' as const, text: item.prompt_en, selfAssessed: true };
        expect(gradeItem(item, given).points, item.id).toBe(0);
      }
    }
  });

  it(
    'the question plus a word or two of padding does not pass ' + 'where the question gives the terms away (q-00-05)',
    () => {
      const item = banks[0]!.bank.items.find((i) => i.id === 'q-00-05')!;
      expect(gradeItem(item, { kind: 'text', text: `${item.prompt_en} yes indeed` }).points).toBe(0);
      expect(gradeItem(item, { kind: 'text', text: 'editor, production, pre-commit' }).points).toBe(0);
      expect(gradeItem(item, { kind: 'text', text: `editor, production, pre-commit ${OWN_WORDS}` }).points).toBe(1);
    },
  );

  it('self-assessed items (no keywords) never pass on nothing', () => {
    const item = banks.flatMap((b) => b.bank.items).find((i) => i.id === 'q-01-04')!;
    expect(gradeItem(item, { kind: 'text', text: '', selfAssessed: true })).toMatchObject({
      verdict: 'self-assessed',
      points: 0,
    });
    expect(gradeItem(item, { kind: 'text', text: 'yes', selfAssessed: true })).toMatchObject({
      verdict: 'self-assessed',
      points: 0,
    });
    expect(gradeItem(item, { kind: 'text', text: item.model_answer ?? '' })).toMatchObject({
      verdict: 'self-assessed',
      points: 0,
    });
    expect(gradeItem(item, { kind: 'text', text: item.model_answer ?? '', selfAssessed: false })).toMatchObject({
      verdict: 'self-assessed',
      points: 0,
    });
    expect(gradeItem(item, { kind: 'text', text: item.model_answer ?? '', selfAssessed: true })).toMatchObject({
      verdict: 'self-assessed',
      points: 1,
    });
    expect(gradeItem(item, undefined)).toMatchObject({ verdict: 'skipped', points: 0 });
  });
});
