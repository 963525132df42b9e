/**
 * Issue 15's remaining items, on the mini workspace (tests/helpers/gate-fixture.ts), in process
 * (tests/helpers/app.ts): the grade log append-only across history, a quiz retake on a closed phase
 * as practice, review events that carry the learner, the break's trail and the report's block checked
 * without signing, and a teacher's sign-off of a closure under `policy.closure: teacher`.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, git } from '../helpers/cli.js';
import { call } from '../helpers/app.js';
import { passingWorkspace, commitAll } from '../helpers/gate-fixture.js';
import { report } from '../../src/app/report.js';
import { gate } from '../../src/app/gate.js';
import { quizAnswers } from '../../src/app/quiz-answers.js';
import { gradeLine } from '../../src/core/grades.js';
import { reviewGrades, reviewQueue } from '../../src/app/review.js';
import { status } from '../../src/app/status.js';
import { next } from '../../src/app/next.js';
import { classView } from '../../src/app/class.js';

afterAll(cleanup);

interface Check {
  id: string;
  status: string;
  message: string;
  evidence?: string[];
}
interface Gate {
  status: string;
  checks: Check[];
}
const CP = 'learners/ana/phase-00/checkpoint.json';
const GRADES = 'learners/ana/phase-00/grades.jsonl';

async function close(dir: string): Promise<void> {
  const r = await call('report', () => report({ cwd: dir, phase: '00' }), { cwd: dir, json: true });
  if (r.code !== 0)
    throw new Error(`report failed: ${JSON.stringify((r.json as Gate).checks.filter((c) => c.status === 'fail'))}`);
  commitAll(dir, 'close phase 00');
}
async function gateOf(dir: string, o: { strict?: boolean } = {}): Promise<{ code: number | null; g: Gate }> {
  const r = await call(
    'gate',
    async () => ({ results: await gate({ cwd: dir, phase: '00', strict: o.strict === true }), all: false }),
    { cwd: dir, json: true },
  );
  const doc = r.json as Gate | Gate[] | { results: Gate[] };
  const g = Array.isArray(doc) ? doc[0] : 'results' in doc ? doc.results[0] : doc;
  return { code: r.code, g: g as Gate };
}
const failing = (g: Gate): string =>
  g.checks
    .filter((c) => c.status === 'fail')
    .map((c) => c.message)
    .join('\n');

describe('the grade log is append-only across git history', () => {
  const grade = (verdict: 'correct' | 'wrong', at: string) => ({
    v: 1 as const,
    at,
    phase: 0,
    learner: 'ana',
    attempt_line: 1,
    attempt_at: '2026-11-20T10:00:00.000Z',
    item: 'q-00-01',
    verdict,
    by: 'bo@school',
  });

  it('a committed grade line rewritten (its chain still valid) fails naming the commit and line', async () => {
    const dir = passingWorkspace();
    await close(dir);
    writeFileSync(join(dir, GRADES), `${gradeLine(grade('correct', '2026-11-21T10:00:00.000Z'), undefined)}\n`);
    commitAll(dir, 'a grade');
    const graded = git(dir, 'rev-parse', 'HEAD').trim();
    expect((await gateOf(dir)).code).toBe(0);
    // one line: its prev is still the genesis hash, so only history shows the rewrite
    writeFileSync(join(dir, GRADES), `${gradeLine(grade('wrong', '2026-11-21T10:00:00.000Z'), undefined)}\n`);
    commitAll(dir, 'rewrite the grade');
    const { code, g } = await gateOf(dir);
    expect(code).toBe(1);
    expect(failing(g)).toContain(
      `the teacher's grade log is not intact: ${GRADES}:1: this line was changed after it was committed in ` +
        `${graded.slice(0, 8)} — the grade log is append-only`,
    );
  });

  it('a grade appended after the committed ones passes', async () => {
    const dir = passingWorkspace();
    await close(dir);
    const first = gradeLine(grade('correct', '2026-11-21T10:00:00.000Z'), undefined);
    writeFileSync(join(dir, GRADES), `${first}\n`);
    commitAll(dir, 'a grade');
    writeFileSync(join(dir, GRADES), `${first}\n${gradeLine(grade('wrong', '2026-11-22T10:00:00.000Z'), first)}\n`);
    commitAll(dir, 'another grade');
    const { code, g } = await gateOf(dir);
    expect(failing(g)).toBe('');
    expect(code).toBe(0);
  });
});

describe('a quiz retake on a closed phase is practice', () => {
  it('leaves the checkpoint byte-identical and the gate passing; the attempt is recorded apart', async () => {
    const dir = passingWorkspace();
    await close(dir);
    const before = readFileSync(join(dir, CP), 'utf8');
    const log = readFileSync(join(dir, 'learners/ana/phase-00/quiz-attempts.jsonl'), 'utf8');
    // every answer wrong: were it counted, the closed phase's quiz would fail
    writeFileSync(
      join(dir, 'answers.json'),
      JSON.stringify(
        Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`q-00-${String(i + 1).padStart(2, '0')}`, 1])),
      ),
    );
    const q = await call(
      'quiz',
      () => quizAnswers({ cwd: dir, learner: undefined, phase: 0, answers: 'answers.json' }),
      { cwd: dir, json: true },
    );
    expect(q.code).toBe(1); // the attempt itself failed
    expect(q.result).toMatchObject({
      practice: true,
      score: 0,
      attempt: { file: 'learners/ana/phase-00/quiz-practice.jsonl' },
    });
    expect(q.result?.warnings.join('\n')).toMatch(/phase 00 is closed \(done on .*\): this attempt is practice/);
    expect(readFileSync(join(dir, CP), 'utf8')).toBe(before);
    expect(readFileSync(join(dir, 'learners/ana/phase-00/quiz-attempts.jsonl'), 'utf8')).toBe(log);
    expect(existsSync(join(dir, 'learners/ana/reviews.jsonl'))).toBe(false); // practice adds no review cards
    commitAll(dir, 'practice retake');
    const { code, g } = await gateOf(dir);
    expect(failing(g)).toBe('');
    expect(code).toBe(0);
  });

  it('on an open phase the same attempt is recorded and rewrites the quiz summary (the contrast)', async () => {
    const dir = passingWorkspace();
    const before = readFileSync(join(dir, CP), 'utf8');
    writeFileSync(
      join(dir, 'answers.json'),
      JSON.stringify(
        Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`q-00-${String(i + 1).padStart(2, '0')}`, 0])),
      ),
    );
    const q = await call(
      'quiz',
      () => quizAnswers({ cwd: dir, learner: undefined, phase: 0, answers: 'answers.json' }),
      { cwd: dir, json: true },
    );
    expect(q.code).toBe(0);
    expect(q.result).toMatchObject({ practice: false, attempt: { number: 2 } });
    expect(readFileSync(join(dir, CP), 'utf8')).not.toBe(before);
  });
});

describe('review events carry the learner', () => {
  const REVIEWS = 'learners/ana/reviews.jsonl';
  const legacy = {
    v: 1,
    kind: 'add',
    at: '2026-11-20T10:00:00.000Z',
    card: 'q-00-09',
    phase: 0,
    from: 'quiz',
    attempt_at: '2026-11-20T10:00:00.000Z',
  };

  it('every new event names its learner; a legacy event without the field stays readable', async () => {
    const dir = passingWorkspace();
    writeFileSync(join(dir, REVIEWS), `${JSON.stringify(legacy)}\n`);
    // two answers wrong: the quiz adds their cards to the deck (the quiz-finish writer)
    writeFileSync(
      join(dir, 'answers.json'),
      JSON.stringify(
        Object.fromEntries(
          Array.from({ length: 10 }, (_, i) => [`q-00-${String(i + 1).padStart(2, '0')}`, i < 2 ? 1 : 0]),
        ),
      ),
    );
    const q = await call(
      'quiz',
      () => quizAnswers({ cwd: dir, learner: undefined, phase: 0, answers: 'answers.json' }),
      { cwd: dir, json: true },
    );
    expect(q.code).toBe(0);
    // the review writer: a grade of the legacy card, due since 2026-11-21
    const g = await call(
      'review-grade',
      () => reviewGrades({ cwd: dir, learner: undefined, grades: [{ id: 'q-00-09', grade: 'good' }] }),
      { cwd: dir, json: true },
    );
    expect(g.code, g.stderr).toBe(0);
    const events = readFileSync(join(dir, REVIEWS), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(events.map((e) => [e.kind, e.card, e.learner])).toEqual([
      ['add', 'q-00-09', undefined],
      ['add', 'q-00-01', 'ana'],
      ['add', 'q-00-02', 'ana'],
      ['grade', 'q-00-09', 'ana'],
    ]);
    const r = await call('review', () => reviewQueue({ cwd: dir, learner: undefined }), { cwd: dir, json: true });
    expect(r.code).toBe(0);
    expect(r.result?.deck_size).toBe(3);
    expect((await call('status', () => status({ cwd: dir }), { cwd: dir })).code).toBe(0);
  });

  it('review, status, next and class refuse a deck whose events name another learner (exit 2, file:line)', async () => {
    const dir = passingWorkspace();
    const line = JSON.stringify({ ...legacy, learner: 'ana' });
    writeFileSync(join(dir, REVIEWS), `${JSON.stringify(legacy)}\n${line}\n`);
    mkdirSync(join(dir, 'learners/eve'), { recursive: true });
    cpSync(join(dir, REVIEWS), join(dir, 'learners/eve/reviews.jsonl'));
    const want =
      /learners\/eve\/reviews\.jsonl:2:1 not a review event of eve's: learner: expected "eve", found "ana" — this event is another learner's/;
    const runs = [
      await call('review', () => reviewQueue({ cwd: dir, learner: 'eve' }), { cwd: dir }),
      await call('status', () => status({ cwd: dir, learner: 'eve' }), { cwd: dir }),
      await call('next', () => next({ cwd: dir, learner: 'eve' }), { cwd: dir }),
      await call('class', () => classView({ cwd: dir }), { cwd: dir }),
    ];
    for (const r of runs) {
      expect(r.code, r.stdout).toBe(2);
      expect(r.stderr).toMatch(want);
    }
    // ana's own deck, the same bytes, is read
    expect((await call('review', () => reviewQueue({ cwd: dir, learner: 'ana' }), { cwd: dir })).code).toBe(0);
  });
});
