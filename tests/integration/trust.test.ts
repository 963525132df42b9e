/**
 * Issue 15's tamperings that used to pass `lynx gate 00`, each committed on a closed phase of the
 * mini workspace (tests/helpers/gate-fixture.ts) and now failing it with a message naming the cause.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, lynx, tempDir } from '../helpers/cli.js';
import { lynxIn } from '../helpers/app.js';
import {
  passingWorkspace,
  commitAll,
  recordAttempt,
  type GateCheck as Check,
  type GateJson as Gate,
} from '../helpers/gate-fixture.js';

afterAll(cleanup);

const CP = 'learners/ana/phase-00/checkpoint.json';
const LOG = 'learners/ana/phase-00/quiz-attempts.jsonl';

/** A copy of the passing workspace with phase 00 closed (`report` run and committed): closed once per file. */
let closedTpl: string | undefined;
async function closed(): Promise<string> {
  if (closedTpl === undefined) {
    const dir = passingWorkspace();
    const r = await lynxIn(['report', '00', '--json'], { cwd: dir });
    if (r.code !== 0) throw new Error(`report failed: ${r.stdout}${r.stderr}`);
    commitAll(dir, 'close phase 00');
    closedTpl = dir;
  }
  const copy = tempDir();
  cpSync(closedTpl, copy, { recursive: true });
  return copy;
}
async function gate(dir: string, ...args: string[]): Promise<{ code: number | null; g: Gate }> {
  const r = await lynxIn(['gate', '00', '--json', ...args], { cwd: dir });
  return { code: r.code, g: JSON.parse(r.stdout) as Gate };
}
const failing = (g: Gate): Check[] => g.checks.filter((c) => c.status === 'fail');
const editJson = (dir: string, rel: string, f: (o: Record<string, unknown>) => void): void => {
  const o = JSON.parse(readFileSync(join(dir, rel), 'utf8')) as Record<string, unknown>;
  f(o);
  writeFileSync(join(dir, rel), JSON.stringify(o, null, 2));
};

describe("recompute, don't trust: attempt records", () => {
  it(
    'the closed phase passes; an appended record whose answers are all wrong but whose score is 1.0 fails, naming ' +
      'the line',
    async () => {
      const dir = await closed();
      expect((await gate(dir)).code).toBe(0);
      const right = Array.from({ length: 10 }, (_, i) => ({
        id: `q-${i + 1}`,
        answer: 0,
        verdict: 'wrong',
        points: 0,
      }));
      recordAttempt(dir, 1, '2026-11-25T10:00:00.000Z', { answers: right });
      commitAll(dir, 'forged attempt');
      const { code, g } = await gate(dir);
      expect(code).toBe(1);
      expect(
        failing(g)
          .map((c) => c.message)
          .join('\n'),
      ).toMatch(/quiz-attempts\.jsonl:2: stored score 1 but its answers score 0\/10 = 0/);
    },
  );

  it('a record that gives a wrong answer a point, or lies about passing, fails', async () => {
    const dir = await closed();
    const points = Array.from({ length: 10 }, (_, i) => ({ id: `q-${i + 1}`, answer: 0, verdict: 'wrong', points: 1 }));
    recordAttempt(dir, 1, '2026-11-25T10:00:00.000Z', { answers: points });
    commitAll(dir, 'forged points');
    expect(
      failing((await gate(dir)).g)
        .map((c) => c.message)
        .join('\n'),
    ).toMatch(/:2: answer q-1 has verdict wrong with 1 point\(s\) — no grader gives that/);
    const dir2 = await closed();
    recordAttempt(dir2, 0.5, '2026-11-25T10:00:00.000Z', { passed: true });
    commitAll(dir2, 'forged pass flag');
    expect(
      failing((await gate(dir2)).g)
        .map((c) => c.message)
        .join('\n'),
    ).toMatch(/:2: passed is true but score 0\.5 vs threshold 0\.7/);
  });
});

describe("identity: the records are this learner's", () => {
  it(
    "another learner's folder copied fails `gate --learner " + "eve`, with or without the checkpoint's learner edited",
    async () => {
      const dir = await closed();
      cpSync(join(dir, 'learners/ana'), join(dir, 'learners/eve'), { recursive: true });
      commitAll(dir, 'copy ana as eve');
      const { code, g } = await gate(dir, '--learner', 'eve');
      expect(code).toBe(1);
      expect(
        failing(g)
          .map((c) => c.message)
          .join('\n'),
      ).toMatch(/checkpoint\.json names learner "ana", not "eve"/);
      editJson(dir, 'learners/eve/phase-00/checkpoint.json', (o) => {
        o.learner = 'eve';
      });
      commitAll(dir, 'edit learner');
      const again = await gate(dir, '--learner', 'eve');
      expect(again.code).toBe(1);
      expect(
        failing(again.g)
          .map((c) => c.message)
          .join('\n'),
      ).toMatch(/the attempt names learner "ana", not "eve"/);
      expect((await gate(dir)).code).toBe(0); // ana's own records still pass
    },
  );
});

describe('the ritual cannot be waived away', () => {
  it('`waive` refuses the quiz item; a hand-written quiz waiver does not remove the quiz requirement', async () => {
    const dir = passingWorkspace();
    // black-box: the refusal is the exit status of a real process
    const w = lynx(['waive', '00', 'quiz', '--reason', 'no time'], { cwd: dir });
    expect(w.code).toBe(2);
    expect(w.stderr).toMatch(/is the phase's quiz, which cannot be waived/);
    // by hand: the waiver recorded, the attempt log gone
    editJson(dir, CP, (o) => {
      o.waivers = [{ item: 'quiz', at: '2026-11-20T12:00:00.000Z', by: 'ana', reason: 'no time' }];
    });
    writeFileSync(join(dir, LOG), '');
    commitAll(dir, 'waive the quiz by hand');
    const r = await lynxIn(['report', '00', '--json'], { cwd: dir });
    expect(r.code).toBe(1);
    const quiz = (JSON.parse(r.stdout) as Gate).checks.find((c) => c.id === 'quiz');
    expect(quiz).toMatchObject({
      status: 'fail',
      message: expect.stringMatching(/no quiz attempt recorded.*the quiz cannot be waived/) as unknown,
    });
  });
});

describe('closed means closed', () => {
  it('attest and waive refuse on a closed phase; a waiver written after closing fails the gate', async () => {
    const dir = await closed();
    const a = await lynxIn(['attest', '00', 'explain'], { cwd: dir });
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/phase 00 is closed \(done\); nothing changes its verdict now, so it cannot be attested/);
    expect((await lynxIn(['waive', '00', 'design-note', '--reason', 'later'], { cwd: dir })).stderr).toMatch(
      /cannot be waived/,
    );
    editJson(dir, CP, (o) => {
      o.waivers = [{ item: 'design-note', at: '2099-01-01T00:00:00.000Z', by: 'ana', reason: 'later' }];
    });
    commitAll(dir, 'waiver after close');
    const { code, g } = await gate(dir);
    expect(code).toBe(1);
    expect(
      failing(g)
        .map((c) => c.message)
        .join('\n'),
    ).toMatch(/"design-note" was waived on 2099-01-01, after the phase closed on .* — closed means closed/);
  });
});
