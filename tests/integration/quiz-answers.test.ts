/**
 * lynx quiz NN --answers in real temp workspaces. All 204 bundled questions graded right with their
 * own keys and wrong without; bad input refused with file:line:col; the attempt recorded (chained log,
 * checkpoint, review cards); retakes held back by the cooldown. Grading and recording run in process
 * (tests/helpers/app.ts: the use case, presented as the CLI presents it); what is about the binary —
 * argv (`0` for `00`, --answers -), stdin, the missing terminal, real exit statuses — is spawned.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, appendFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, lynx, workspace, write } from '../helpers/cli.js';
import { call } from '../helpers/app.js';
import { quizAnswers } from '../../src/app/quiz-answers.js';
import { parsePhase } from '../../src/core/ids.js';
import { askable, bundledBanks, rightAnswer, wrongAnswer } from '../helpers/quiz-keys.js';
import { verifyChain, sha256 } from '../../src/core/attempts.js';
import type { QuizResult } from '../../src/core/quiz/result.js';

afterAll(cleanup);

const yaml = (o: Record<string, unknown>): string =>
  `${Object.entries(o)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join('\n')}\n`;
/** `lynx quiz NN --answers FILE [--json] [--partial] [--practice]`, in process */
const quiz = (dir: string, nn: string, answers: string, ...extra: ('--json' | '--partial' | '--practice')[]) =>
  call(
    'quiz',
    () =>
      quizAnswers({
        cwd: dir,
        learner: undefined,
        phase: parsePhase(nn),
        answers,
        partial: extra.includes('--partial'),
        practice: extra.includes('--practice'),
      }),
    { cwd: dir, json: extra.includes('--json') },
  );
const json = (stdout: string): QuizResult => JSON.parse(stdout) as QuizResult;
const read = (dir: string, rel: string): string => readFileSync(join(dir, rel), 'utf8');

const PHASE00 = {
  'q-00-01': 1,
  'q-00-02': [0, 2, 4],
  'q-00-03': 'The random seed, the git sha of the commit and the resolved library versions.',
  'q-00-04': 1,
  'q-00-05':
    'The editor is cheapest and production most expensive; pre-commit runs locally before every push, seconds ' +
    'instead of waiting minutes for CI.',
};

describe('lynx quiz --answers over every bundled bank', () => {
  it('grades all 204 questions right with their own keys (exit 0) and wrong with wrong ones (exit 1)', async () => {
    const dir = workspace('ana');
    let items = 0;
    for (const { bank } of bundledBanks()) {
      const nn = String(bank.phase).padStart(2, '0');
      write(dir, `right-${nn}.yaml`, yaml(Object.fromEntries(askable(bank).map((i) => [i.id, rightAnswer(i)]))));
      // --practice: every phase, though only phase 00 is open in a fresh workspace
      const r = await quiz(dir, nn, `right-${nn}.yaml`, '--json', '--practice');
      expect(r.code, `${nn}: ${r.stderr}`).toBe(0);
      const res = json(r.stdout);
      expect(
        res.items.filter((i) => i.points !== 1).map((i) => `${i.id} ${i.verdict} ${i.feedback}`),
        nn,
      ).toEqual([]);
      expect(res.score).toBe(1);
      items += res.items.length;
      write(
        dir,
        `wrong-${nn}.json`,
        JSON.stringify(Object.fromEntries(askable(bank).map((i) => [i.id, wrongAnswer(i)]))),
      );
      const w = await quiz(dir, nn, `wrong-${nn}.json`, '--json', '--practice');
      expect(w.code, `${nn}: ${w.stderr}`).toBe(1);
      expect(json(w.stdout)).toMatchObject({ score: 0, passed: false });
    }
    expect(items).toBe(203); // 204 less the one not askable (q-39-02)
  }, 240_000);
});

describe('lynx quiz --answers', () => {
  it('records the attempt: chained log line, checkpoint summary anchored to it, a review card per miss', async () => {
    const dir = workspace('ana');
    write(dir, 'a.yaml', yaml({ ...PHASE00, 'q-00-04': 0 }));
    const r = await quiz(dir, '00', 'a.yaml');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('✗ q-00-04 Why git_dirty matters in a manifest — wrong');
    expect(r.stdout).toContain('Score 80% (4 of 5) · pass ≥ 70% · PASSED');
    expect(r.stdout).toMatch(/1 question added to your review deck; next review: tomorrow \(\d{4}-\d\d-\d\d\)\./);
    const logText = read(dir, 'learners/ana/phase-00/quiz-attempts.jsonl');
    const chain = verifyChain(logText, 'f');
    expect(chain.problems).toEqual([]);
    expect(chain.records[0]).toMatchObject({
      v: 1,
      phase: 0,
      learner: 'ana',
      mode: 'answers-file',
      score: 0.8,
      threshold: 0.7,
      passed: true,
      prev: '0'.repeat(64),
    });
    expect(chain.records[0]?.answers.map((a) => [a.id, a.verdict, a.points])).toEqual([
      ['q-00-01', 'correct', 1],
      ['q-00-02', 'correct', 1],
      ['q-00-03', 'correct', 1],
      ['q-00-04', 'wrong', 0],
      ['q-00-05', 'correct', 1],
    ]);
    const cp = JSON.parse(read(dir, 'learners/ana/phase-00/checkpoint.json')) as { quiz: Record<string, unknown> };
    expect(cp.quiz).toMatchObject({
      last: 0.8,
      best: 0.8,
      attempts: 1,
      passed: true,
      consecutive_fails: 0,
      log_sha256: sha256(logText.trimEnd()),
    });
    const reviews = read(dir, 'learners/ana/reviews.jsonl')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { kind: string; card: string });
    expect(reviews).toEqual([expect.objectContaining({ kind: 'add', card: 'q-00-04' })]);
    // a second miss of the same item does not duplicate its card
    expect((await quiz(dir, '00', 'a.yaml')).code).toBe(0);
    expect(read(dir, 'learners/ana/reviews.jsonl').trim().split('\n')).toHaveLength(1);
    expect(verifyChain(read(dir, 'learners/ana/phase-00/quiz-attempts.jsonl'), 'f')).toMatchObject({
      problems: [],
      records: [{}, {}],
    });
  });

  it("reads YAML or JSON from stdin with -, and the issue's flow-map example", () => {
    const dir = workspace('ana');
    const r = lynx(['quiz', '0', '--answers', '-', '--json', '--partial'], {
      cwd: dir,
      input: '{q-00-01: 1, q-00-02: [0,2], q-00-03: "text"}',
    });
    expect(r.code).toBe(1);
    const res = json(r.stdout);
    expect(res.items.map((i) => [i.id, i.answer, i.verdict])).toEqual([
      ['q-00-01', 1, 'correct'],
      ['q-00-02', [0, 2], 'partial'],
      ['q-00-03', 'text', 'wrong'],
      ['q-00-04', null, 'skipped'],
      ['q-00-05', null, 'skipped'],
    ]);
    const j = lynx(['quiz', '0', '--answers', '-'], { cwd: workspace('ana'), input: JSON.stringify(PHASE00) });
    expect(j.code, j.stderr).toBe(0);
  });

  it('refuses unknown ids and malformed answers with file:line:col (exit 2), recording nothing', async () => {
    const dir = workspace('ana');
    write(dir, 'bad.yaml', 'q-00-01: 1\nq-00-09: 2\nq-00-02: [0, 7]\n');
    const r = await quiz(dir, '00', 'bad.yaml');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'lynx: error: bad.yaml:2:1 unknown question id "q-00-09" — this quiz has q-00-01, q-00-02, q-00-03, ' +
        'q-00-04, q-00-05',
    );
    expect(r.stderr).toContain(
      'bad.yaml:3:1 q-00-02 (multi): expected a list of choice indices 0–4 (0-based) — found [0,7]',
    );
    write(dir, 'bad.json', '{\n  "q-00-01": 1,\n  "q-00-02": [0 2]\n}\n');
    const j = await quiz(dir, '00', 'bad.json');
    expect(j.code).toBe(2);
    expect(j.stderr).toMatch(/bad\.json:3:\d+ invalid JSON/);
    expect((await quiz(dir, '00', 'missing.yaml')).stderr).toContain('missing.yaml: file not found');
    expect(existsSync(join(dir, 'learners/ana/phase-00/quiz-attempts.jsonl'))).toBe(false);
  });

  it('without a terminal and without --answers it exits 2 at once, saying what to pass', () => {
    const dir = workspace('ana');
    const r = lynx(['quiz', '00'], { cwd: dir });
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toContain('lynx quiz 00 is interactive and needs a terminal');
    expect(r.stderr).toContain('--answers');
    expect(lynx(['quiz', '41', '--answers', '-'], { cwd: dir, input: '{}' }).stderr).toContain('phase 41 has no quiz');
    // phase 41 has no quiz: said plainly, before any word about a terminal
    const q41 = lynx(['quiz', '41'], { cwd: dir });
    expect(q41.code).toBe(2);
    expect(q41.stderr).toContain('phase 41 has no quiz');
    expect(q41.stderr).not.toContain('terminal');
    expect(lynx(['quiz', '42', '--answers', '-'], { cwd: dir, input: '{}' }).code).toBe(2);
  });

  it(
    'a quiz for a phase not open yet is refused (exit 2, nothing written); --practice takes it apart from the ' +
      'record',
    async () => {
      const dir = workspace('ana');
      write(dir, 'p5.yaml', yaml({ 'q-05-01': 'entropy' }));
      const r = await quiz(dir, '05', 'p5.yaml', '--partial');
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('phase 05 is not open yet: it requires phase 04 (not started)');
      expect(r.stderr).toContain('--practice');
      expect(existsSync(join(dir, 'learners/ana/phase-05'))).toBe(false);
      expect(existsSync(join(dir, 'learners/ana/reviews.jsonl'))).toBe(false);
      const p = await quiz(dir, '05', 'p5.yaml', '--partial', '--practice', '--json');
      expect(p.code).toBe(1);
      expect(json(p.stdout)).toMatchObject({
        practice: true,
        cooldown_until: null,
        review: { added: [] },
        attempt: { file: 'learners/ana/phase-05/quiz-practice.jsonl' },
      });
      expect(read(dir, 'learners/ana/phase-05/quiz-practice.jsonl').trim().split('\n')).toHaveLength(1);
      expect(existsSync(join(dir, 'learners/ana/phase-05/quiz-attempts.jsonl'))).toBe(false);
      expect(existsSync(join(dir, 'learners/ana/phase-05/checkpoint.json'))).toBe(false);
      expect(existsSync(join(dir, 'learners/ana/reviews.jsonl'))).toBe(false);
      // no cooldown: practice again at once
      expect((await quiz(dir, '05', 'p5.yaml', '--partial', '--practice')).code).toBe(1);
    },
  );

  it('an answer file that leaves questions out is refused unless --partial', async () => {
    const dir = workspace('ana');
    write(dir, 'some.yaml', yaml({ 'q-00-01': 1 }));
    const r = await quiz(dir, '00', 'some.yaml');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('some.yaml: 4 of the 5 questions have no answer: q-00-02, q-00-03, q-00-04, q-00-05');
    expect(existsSync(join(dir, 'learners/ana/phase-00/quiz-attempts.jsonl'))).toBe(false);
    expect((await quiz(dir, '00', 'some.yaml', '--partial')).code).toBe(1);
    expect(existsSync(join(dir, 'learners/ana/phase-00/quiz-attempts.jsonl'))).toBe(true);
  });

  it('a failed attempt holds retakes back for a cooldown that grows, and says what to revisit', async () => {
    const dir = workspace('ana');
    write(dir, 'w.yaml', yaml({ 'q-00-01': 0, 'q-00-04': 0 }));
    const r = await quiz(dir, '00', 'w.yaml', '--json', '--partial');
    expect(r.code).toBe(1);
    const res = json(r.stdout);
    expect(res.cooldown_until).not.toBeNull();
    expect(Date.parse(res.cooldown_until ?? '') - Date.now()).toBeGreaterThan(4 * 60_000);
    expect(res.revisit.find((v) => v.id === 'q-00-04')).toEqual({
      id: 'q-00-04',
      phase: 0,
      concepts: ['manifests', 'git-dirty'],
      page: 'docs/phase-00-foundations/theory/01-reproducibility.md',
    });
    const again = await quiz(dir, '00', 'w.yaml', '--partial');
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(
      /the phase 00 quiz can be retaken at \d\d:\d\d UTC \(in 5 min\), after 1 failed attempt in a row/,
    );
    expect(again.stderr).toContain(
      'revisit q-00-04: manifests, git-dirty → docs/phase-00-foundations/theory/01-reproducibility.md',
    );
    const cp = JSON.parse(read(dir, 'learners/ana/phase-00/checkpoint.json')) as { quiz: Record<string, unknown> };
    expect(cp.quiz).toMatchObject({
      attempts: 1,
      passed: false,
      consecutive_fails: 1,
      cooldown_until: res.cooldown_until,
    });
    // editing the checkpoint does not lift it: the cooldown is derived from the attempt log
    writeFileSync(join(dir, 'learners/ana/phase-00/checkpoint.json'), JSON.stringify({ ...cp, quiz: { attempts: 0 } }));
    expect((await quiz(dir, '00', 'w.yaml', '--partial')).code).toBe(2);
  });

  it('a cooldown of 0 minutes (lynx.yaml) allows an immediate retake; the second fail is recorded', async () => {
    const dir = workspace('ana');
    appendFileSync(join(dir, 'lynx.yaml'), '');
    write(dir, 'lynx.yaml', read(dir, 'lynx.yaml').replace('cooldown_minutes: 5', 'cooldown_minutes: 0'));
    write(dir, 'w.yaml', yaml({ 'q-00-01': 0 }));
    expect((await quiz(dir, '00', 'w.yaml', '--partial')).code).toBe(1);
    expect((await quiz(dir, '00', 'w.yaml', '--partial')).code).toBe(1);
    const cp = JSON.parse(read(dir, 'learners/ana/phase-00/checkpoint.json')) as { quiz: Record<string, unknown> };
    expect(cp.quiz).toMatchObject({ attempts: 2, consecutive_fails: 2 });
  });

  it('an edited attempt log is refused before the quiz starts', async () => {
    const dir = workspace('ana');
    write(dir, 'w.yaml', yaml(PHASE00));
    expect((await quiz(dir, '00', 'w.yaml')).code).toBe(0);
    expect((await quiz(dir, '00', 'w.yaml')).code).toBe(0);
    const file = join(dir, 'learners/ana/phase-00/quiz-attempts.jsonl');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"score":1', '"score":0.99'));
    const r = await quiz(dir, '00', 'w.yaml');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'the attempt log is not intact: learners/ana/phase-00/quiz-attempts.jsonl:2: hash chain broken',
    );
  });

  it(
    'a torn last line is ignored with a warning and the next ' + 'attempt chains past it; no good line is touched',
    async () => {
      const dir = workspace('ana');
      write(dir, 'w.yaml', yaml(PHASE00));
      expect((await quiz(dir, '00', 'w.yaml')).code).toBe(0);
      const file = join(dir, 'learners/ana/phase-00/quiz-attempts.jsonl');
      const good = readFileSync(file, 'utf8');
      appendFileSync(file, '{"v":1,"at":"2026-11-2'); // a crash mid-append
      const r = await quiz(dir, '00', 'w.yaml', '--json');
      expect(r.code, r.stderr).toBe(0);
      expect(json(r.stdout).warnings).toEqual([
        'learners/ana/phase-00/quiz-attempts.jsonl:2: torn last line (a crash while appending) ignored',
      ]);
      const after = readFileSync(file, 'utf8');
      expect(after.startsWith(`${good}{"v":1,"at":"2026-11-2\n`)).toBe(true);
      const chain = verifyChain(after, 'f');
      expect(chain.problems).toEqual([]);
      expect(chain.records).toHaveLength(2);
      expect(chain.notes).toEqual(['f:2: torn line (a crash while appending) ignored; the next record chains past it']);
      expect(chain.records[1]?.torn).toBe(sha256('{"v":1,"at":"2026-11-2'));
    },
  );

  it('a quiz file that fails its schema stops before the first question, naming file, line and problem', async () => {
    const dir = workspace('ana');
    write(dir, 'lynx.yaml', `${read(dir, 'lynx.yaml')}quizzes: data/quizzes\n`);
    for (const { bank, name } of bundledBanks())
      write(dir, `data/quizzes/${name.replace(/\.json$/, '.yaml')}`, JSON.stringify(bank, null, 1));
    const broken = read(dir, 'data/quizzes/phase-00-foundations.yaml').replace(
      '"answer_type": "mcq"',
      '"answer_type": "mcqq"',
    );
    write(dir, 'data/quizzes/phase-00-foundations.yaml', broken);
    const line = broken.split('\n').findIndex((l) => l.includes('mcqq')) + 1;
    write(dir, 'a.yaml', yaml(PHASE00));
    const r = await quiz(dir, '00', 'a.yaml');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      new RegExp(`data/quizzes/phase-00-foundations\\.yaml:${line}:\\d+ items\\[0\\]\\.answer_type: expected one of`),
    );
    expect(r.stdout).toBe('');
  });

  it("grades code (sandboxed), numeric, conjugation-form and short items of a workspace's own bank", async () => {
    const dir = workspace('ana');
    write(
      dir,
      'lynx.yaml',
      `${read(dir, 'lynx.yaml').replace('cooldown_minutes: 5', 'cooldown_minutes: 0')}quizzes: data/quizzes\n`,
    );
    for (const { bank, name } of bundledBanks())
      write(dir, `data/quizzes/${name.replace(/\.json$/, '.yaml')}`, JSON.stringify(bank));
    write(
      dir,
      'data/quizzes/phase-00-foundations.yaml',
      `phase: 0
slug: foundations
title_en: Own bank
items:
  - { id: q-00-01, answer_type: code, language: python, prompt_en: "Print the sum of the numbers on stdin.", stdin: "1 2 3", correct: "6", tags: [io] }
  - { id: q-00-02, answer_type: numeric, prompt_en: "pi to two decimals?", correct: 3.14, tolerance: 0.005, tags: [num] }
  - { id: q-00-03, answer_type: conjugation-form, prompt_en: "Past of eat?", correct: "ate", tags: [verbs] }
  - { id: q-00-04, answer_type: short, prompt_en: "Past of go?", correct: [went], tags: [verbs] }
`,
    );
    write(
      dir,
      'right.yaml',
      yaml({
        'q-00-01': 'import sys\nprint(sum(map(int, sys.stdin.read().split())))',
        'q-00-02': 3.141,
        'q-00-03': '  Ate ',
        'q-00-04': 'Went.',
      }),
    );
    const r = await quiz(dir, '00', 'right.yaml', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(json(r.stdout).items.map((i) => i.verdict)).toEqual(['correct', 'correct', 'correct', 'correct']);
    write(
      dir,
      'wrong.yaml',
      yaml({ 'q-00-01': 'while True:\n    pass', 'q-00-02': '3.2', 'q-00-03': 'eated', 'q-00-04': 'goed' }),
    );
    const w = await quiz(dir, '00', 'wrong.yaml', '--json');
    expect(w.code).toBe(1);
    expect(json(w.stdout).items.map((i) => [i.verdict, i.feedback])).toEqual([
      ['wrong', 'time limit (2 s) exceeded'],
      ['wrong', ''],
      ['wrong', ''],
      ['wrong', ''],
    ]);
  });
});
