/** The attempt log's chain (edits caught, torn lines tolerated), answer-file parsing, and the cooldown. */
import { describe, expect, it } from 'vitest';
import {
  chainLine,
  sha256,
  splitTornTail,
  tailSha256,
  verifyChain,
  type AttemptRecord,
} from '../../src/core/attempts.js';
import { parseAnswers } from '../../src/core/quiz/answers.js';
import { cooldownMinutes, cooldownUntil, quizSummary } from '../../src/core/quiz/outcome.js';
import type { QuizItem } from '../../src/core/quiz/grade.js';

const rec = (score: number, at: string): Omit<AttemptRecord, 'prev'> => ({
  v: 1,
  at,
  phase: 0,
  learner: 'ana',
  bank_sha256: 'b'.repeat(64),
  mode: 'answers-file',
  answers: [],
  score,
  threshold: 0.7,
  passed: score >= 0.7,
});

function log(...records: Omit<AttemptRecord, 'prev'>[]): string[] {
  const lines: string[] = [];
  for (const r of records) lines.push(chainLine(r, lines.at(-1)));
  return lines;
}

describe('attempt log chain', () => {
  const lines = log(
    rec(0.4, '2026-01-01T10:00:00Z'),
    rec(0.6, '2026-01-01T11:00:00Z'),
    rec(0.8, '2026-01-01T12:00:00Z'),
  );
  const text = `${lines.join('\n')}\n`;

  it('an intact log verifies', () => {
    expect(verifyChain(text, 'f')).toMatchObject({ problems: [], notes: [] });
    expect(verifyChain(text, 'f').records.map((r) => r.score)).toEqual([0.4, 0.6, 0.8]);
  });

  it('catches an edited line (a failed score raised)', () => {
    const edited = text.replace('"score":0.4', '"score":0.9');
    expect(verifyChain(edited, 'f').problems).toEqual([expect.stringMatching(/^f:2: hash chain broken/)]);
  });

  it('catches a removed line and a reordered one', () => {
    expect(verifyChain(`${lines[0]}\n${lines[2]}\n`, 'f').problems[0]).toMatch(/^f:2: hash chain broken/);
    expect(verifyChain(`${lines[1]}\n${lines[0]}\n${lines[2]}\n`, 'f').problems.length).toBeGreaterThan(0);
  });

  it('catches a line replaced by garbage, which the next record does not chain past', () => {
    expect(verifyChain(`${lines[0]}\n{garbage\n${lines[2]}\n`, 'f').problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/^f:2: not valid JSON/)]),
    );
  });

  it('ignores a torn last line with a note, and a torn line the next record chains past', () => {
    const torn = `${lines[0]}\n${lines[1]}\n{"v":1,"at":"2026`;
    expect(verifyChain(torn, 'f')).toMatchObject({
      problems: [],
      notes: [expect.stringMatching(/^f:3: torn last line/)],
    });
    // the writer after a crash: close the torn line, name it, chain the new record to the last good line
    const tornText = '{"v":1,"at":"2026';
    const next = chainLine({ ...rec(0.9, '2026-01-02T10:00:00Z'), torn: sha256(tornText) }, lines[1]);
    const healed = verifyChain(`${torn}\n${next}\n`, 'f');
    expect(healed.problems).toEqual([]);
    expect(healed.notes).toEqual([expect.stringMatching(/^f:3: torn line .* chains past it/)]);
    expect(healed.records.map((r) => r.score)).toEqual([0.4, 0.6, 0.9]);
    // an unparseable line the next record does not name is an edit, even if the chain skips it
    const unnamed = chainLine(rec(0.9, '2026-01-02T10:00:00Z'), lines[1]);
    expect(verifyChain(`${torn}\n${unnamed}\n`, 'f').problems).toEqual(['f:3: not valid JSON — the log was edited']);
  });

  it("the checkpoint's tail anchor is the last complete line, not a torn tail", () => {
    expect(tailSha256(`${lines[0]}\n${lines[1]}\n{"v":1,"at`)).toBe(sha256(lines[1] ?? ''));
  });

  it('splitTornTail keeps every complete line and sets aside only the torn bytes', () => {
    expect(splitTornTail('a\nb\n')).toEqual({ good: 'a\nb\n', torn: undefined, tornLine: undefined });
    expect(splitTornTail('{"a":1}\n{"b"')).toEqual({ good: '{"a":1}\n', torn: '{"b"', tornLine: 2 });
    expect(splitTornTail('{"a":1}\n{"b":2}')).toEqual({
      good: '{"a":1}\n{"b":2}\n',
      torn: undefined,
      tornLine: undefined,
    });
  });
});

const items = [
  { id: 'q-05-01', answer_type: 'mcq', prompt_en: 'p', choices: ['a', 'b', 'c'], correct: 1, tags: ['t'] },
  { id: 'q-05-02', answer_type: 'multi', prompt_en: 'p', choices: ['a', 'b', 'c'], correct: [0, 2], tags: ['t'] },
  { id: 'q-05-03', answer_type: 'free', prompt_en: 'p', keywords: [['x']], model_answer: 'x', tags: ['t'] },
  { id: 'q-05-04', answer_type: 'free', prompt_en: 'p', model_answer: 'x', tags: ['t'] },
  { id: 'q-05-05', answer_type: 'numeric', prompt_en: 'p', correct: 3.5, tags: ['t'] },
  { id: 'q-05-06', answer_type: 'multi', prompt_en: 'p', askable: false, not_askable_reason: 'r', tags: ['t'] },
] as QuizItem[];

describe('answer files', () => {
  it("reads the issue's example: an index, a list of indices, text", () => {
    const r = parseAnswers({ 'q-05-01': 1, 'q-05-02': [0, 2], 'q-05-03': 'text' }, items);
    expect(r.problems).toEqual([]);
    expect([...r.answers.entries()]).toEqual([
      ['q-05-01', { kind: 'choice', index: 1 }],
      ['q-05-02', { kind: 'choices', indices: [0, 2] }],
      ['q-05-03', { kind: 'text', text: 'text' }],
    ]);
  });

  it(
    'self-assessment is a {text, self_assessed} answer; ' + 'numbers may be strings; not-askable answers are ignored',
    () => {
      const r = parseAnswers(
        { 'q-05-04': { text: 'mine', self_assessed: true }, 'q-05-05': '3.5', 'q-05-06': [0] },
        items,
      );
      expect(r.problems).toEqual([]);
      expect(r.answers.get('q-05-04')).toEqual({ kind: 'text', text: 'mine', selfAssessed: true });
      expect(r.answers.get('q-05-05')).toEqual({ kind: 'number', value: 3.5 });
      expect(r.ignored).toEqual(['q-05-06']);
      // a keyworded item may be claimed too: the claim counts only where the keywords were missed (grade.ts)
      expect(parseAnswers({ 'q-05-03': { text: 'x', self_assessed: true } }, items).answers.get('q-05-03')).toEqual({
        kind: 'text',
        text: 'x',
        selfAssessed: true,
      });
      expect(parseAnswers({ 'q-05-03': { text: 'x', self: true } }, items).problems[0]?.message).toMatch(
        /expected \{text/,
      );
    },
  );

  it('refuses unknown ids and answers of the wrong shape, with their JSON path', () => {
    const r = parseAnswers({ 'q-05-01': 3, 'q-05-02': [1, 1], 'q-99-01': 0, 'q-05-05': 'many' }, items);
    expect(r.problems).toEqual([
      { pointer: '/q-05-01', message: 'q-05-01 (mcq): expected a choice index 0–2 (0-based) — found 3' },
      { pointer: '/q-05-02', message: 'q-05-02 (multi): a choice is listed twice — found [1,1]' },
      {
        pointer: '/q-99-01',
        message: expect.stringMatching(/^unknown question id "q-99-01" — this quiz has q-05-01, /) as string,
      },
      { pointer: '/q-05-05', message: 'q-05-05 (numeric): expected a number — found "many"' },
    ]);
    expect(parseAnswers([1, 2], items).problems[0]?.message).toMatch(/expected a map/);
    expect(parseAnswers({}, items).problems[0]?.message).toBe('no answers in the file');
  });
});

describe('retake cooldown', () => {
  it('grows with failures in a row: base, 2×, 4× … capped at a day; a pass resets it', () => {
    expect([1, 2, 3, 4, 20].map((n) => cooldownMinutes(n, 5))).toEqual([5, 10, 20, 40, 1440]);
    expect(cooldownMinutes(0, 5)).toBe(0);
    const fails = [rec(0.2, '2026-01-01T10:00:00.000Z'), rec(0.4, '2026-01-01T10:30:00.000Z')].map((r) => ({
      ...r,
      prev: '',
    }));
    expect(cooldownUntil(fails, 5)?.toISOString()).toBe('2026-01-01T10:40:00.000Z');
    expect(cooldownUntil([...fails, { ...rec(0.8, '2026-01-01T11:00:00.000Z'), prev: '' }], 5)).toBeUndefined();
    expect(cooldownUntil(fails, 0)).toBeUndefined();
  });

  it('the checkpoint summary is derived from the log', () => {
    const recs = [rec(0.8, '2026-01-01T09:00:00.000Z'), rec(0.4, '2026-01-01T10:00:00.000Z')].map((r) => ({
      ...r,
      prev: '',
    }));
    expect(quizSummary(recs, 5)).toEqual({
      last: 0.4,
      best: 0.8,
      attempts: 2,
      passed: false,
      last_at: '2026-01-01T10:00:00.000Z',
      consecutive_fails: 1,
      cooldown_until: '2026-01-01T10:05:00.000Z',
    });
    expect(quizSummary([], 5)).toEqual({ attempts: 0 });
  });
});
