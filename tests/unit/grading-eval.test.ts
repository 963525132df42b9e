/**
 * The grading evaluation (issue 19): every keyworded free item of the bundled banks has at least one
 * honest paraphrase and one keyword-stuffed or negated wrong answer in tests/fixtures/grading-eval.yaml,
 * written from the model answers. Honest answers must be accepted (or, counted apart, routed to
 * self-assessment with the model answer shown); wrong ones must not be accepted. The two rates are
 * printed and must stay ≥ 90 %. The conjugation items' forms are graded exactly.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { gradeItem, type QuizItem } from '../../src/core/quiz/grade.js';
import type { QuizBank } from '../../src/schemas/generated/types.js';
import { repoRoot } from '../helpers/cli.js';

interface Eval {
  items: Record<string, { honest: string[]; wrong: string[] }>;
  forms: Record<string, { right: string[]; wrong: string[] }>;
}

const evalSet = parse(readFileSync(join(repoRoot, 'tests/fixtures/grading-eval.yaml'), 'utf8')) as Eval;
const items = readdirSync(join(repoRoot, 'quizzes'))
  .sort()
  .flatMap((f) => (parse(readFileSync(join(repoRoot, 'quizzes', f), 'utf8')) as QuizBank).items);
const byId = new Map(items.map((i) => [i.id, i]));
const keyworded = items.filter((i) => i.answer_type === 'free' && (i.keywords?.length ?? 0) > 0 && i.askable !== false);

const grade = (item: QuizItem, text: string) => gradeItem(item, { kind: 'text', text });

describe('the grading evaluation', () => {
  it('covers every keyworded free item with an honest and a wrong answer', () => {
    expect(keyworded.length).toBe(58);
    const missing = keyworded
      .filter((i) => !(evalSet.items[i.id]?.honest.length && evalSet.items[i.id]?.wrong.length))
      .map((i) => i.id);
    expect(missing).toEqual([]);
    expect(Object.keys(evalSet.items).filter((id) => !keyworded.some((i) => i.id === id))).toEqual([]);
  });

  it('accepts ≥ 90 % of the honest answers and rejects ≥ 90 % of the wrong ones', () => {
    let honest = 0;
    let accepted = 0;
    let routed = 0;
    let wrong = 0;
    let rejected = 0;
    const missedHonest: string[] = [];
    const acceptedWrong: string[] = [];
    for (const item of keyworded) {
      const e = evalSet.items[item.id];
      for (const text of e?.honest ?? []) {
        honest++;
        const g = grade(item, text);
        if (g.points === 1) accepted++;
        else if (g.claimable) {
          routed++;
          missedHonest.push(`${item.id} (self-assessment): ${g.feedback}`);
        } else missedHonest.push(`${item.id}: ${g.verdict} ${g.feedback}`);
      }
      for (const text of e?.wrong ?? []) {
        wrong++;
        const g = grade(item, text);
        if (g.points === 0) rejected++;
        else acceptedWrong.push(`${item.id}: ${text}`);
      }
    }
    const pct = (a: number, b: number): string => `${((100 * a) / b).toFixed(1)} %`;
    console.log(
      `grading evaluation: honest accepted ${accepted}/${honest} (${pct(accepted, honest)}), ` +
        `with self-assessment routing ${accepted + routed}/${honest} (${pct(accepted + routed, honest)}); ` +
        `wrong rejected ${rejected}/${wrong} (${pct(rejected, wrong)})`,
    );
    if (missedHonest.length) console.log(`honest not accepted:\n  ${missedHonest.join('\n  ')}`);
    if (acceptedWrong.length) console.log(`wrong accepted:\n  ${acceptedWrong.join('\n  ')}`);
    expect(accepted / honest).toBeGreaterThanOrEqual(0.9);
    expect((accepted + routed) / honest).toBeGreaterThanOrEqual(accepted / honest);
    expect(rejected / wrong).toBeGreaterThanOrEqual(0.9);
  });

  it('reports the held-out round (written after the bank changes, never tuned to)', () => {
    const held = parse(readFileSync(join(repoRoot, 'tests/fixtures/grading-eval-heldout.yaml'), 'utf8')) as Pick<
      Eval,
      'items'
    >;
    let honest = 0;
    let accepted = 0;
    let routed = 0;
    let wrong = 0;
    let rejected = 0;
    const notes: string[] = [];
    for (const item of keyworded) {
      for (const text of held.items[item.id]?.honest ?? []) {
        honest++;
        const g = grade(item, text);
        if (g.points === 1) accepted++;
        else {
          if (g.claimable) routed++;
          notes.push(`honest ${item.id}: ${g.feedback}`);
        }
      }
      for (const text of held.items[item.id]?.wrong ?? []) {
        wrong++;
        if (grade(item, text).points === 0) rejected++;
        else notes.push(`wrong ${item.id}: ${text}`);
      }
    }
    console.log(
      `held-out round: honest accepted ${accepted}/${honest}, with self-assessment routing ${accepted + routed}/` +
        `${honest}; wrong rejected ${rejected}/${wrong}\n  ${notes.join('\n  ')}`,
    );
    expect(honest).toBe(keyworded.length);
    // a floor, not the target: this round exists to show how far the grader carries to new wording
    expect(accepted / honest).toBeGreaterThanOrEqual(0.75);
    expect(rejected / wrong).toBeGreaterThanOrEqual(0.85);
  });

  it('grades conjugation items as forms: the future of the verb, not its infinitive', () => {
    for (const [id, e] of Object.entries(evalSet.forms)) {
      const item = byId.get(id);
      expect(item?.answer_type, id).toBe('conjugation-form');
      if (!item) continue;
      for (const t of e.right) expect(grade(item, t).points, `${id} ${t}`).toBe(1);
      for (const t of e.wrong) expect(grade(item, t).points, `${id} ${t}`).toBe(0);
    }
  });
});
