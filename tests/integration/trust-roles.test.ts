/**
 * Issue 15's second half and issue 17's teachers: re-grading against the recorded bank, identity of
 * waivers and attestations, `attest/waive --sign`, the policy at command and gate time, `gate
 * --strict`, curriculum overrides that weaken a DoD, and `lynx grade` — each passing and failing, on
 * the mini workspace (tests/helpers/gate-fixture.ts) with real ssh-keygen keys made here.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { cleanup, git, lynx, repoRoot, tempDir } from '../helpers/cli.js';
import { lynxIn } from '../helpers/app.js';
import {
  passingWorkspace,
  commitAll,
  just,
  recordAttempt,
  type GateCheck as Check,
  type GateJson as Gate,
} from '../helpers/gate-fixture.js';
import { schemaErrors } from '../helpers/json-schema.js';
import { bankSha256, chainLine, sha256 } from '../../src/core/attempts.js';
import { gradeLine } from '../../src/core/grades.js';

afterAll(cleanup);

const CP = 'learners/ana/phase-00/checkpoint.json';
const LOG = 'learners/ana/phase-00/quiz-attempts.jsonl';
const BASE_YAML = 'schema_version: 1\nlearner: ana\ncurriculum: data/curriculum\nquizzes: data/quizzes\n';

async function gate(dir: string, ...args: string[]): Promise<{ code: number | null; g: Gate }> {
  const r = await lynxIn(['gate', '00', '--json', ...args], { cwd: dir });
  return { code: r.code, g: JSON.parse(r.stdout) as Gate };
}
const check = (g: Gate, id: string): Check | undefined => g.checks.find((c) => c.id === id);
const failing = (g: Gate): string =>
  g.checks
    .filter((c) => c.status === 'fail')
    .map((c) => c.message)
    .join('\n');
const editJson = (dir: string, rel: string, f: (o: Record<string, unknown>) => void): void => {
  const o = JSON.parse(readFileSync(join(dir, rel), 'utf8')) as Record<string, unknown>;
  f(o);
  writeFileSync(join(dir, rel), JSON.stringify(o, null, 2));
};
async function close(dir: string): Promise<void> {
  const r = await lynxIn(['report', '00', '--json'], { cwd: dir });
  if (r.code !== 0)
    throw new Error(
      `report failed: ` +
        `${JSON.stringify((JSON.parse(r.stdout) as Gate).checks.filter((c) => c.status !== 'pass' && c.status !== 'warn'))}` +
        `${r.stderr}`,
    );
  commitAll(dir, 'close phase 00');
}
/** A copy of the passing workspace with phase 00 closed (`close` above): closed once per file, copied per test. */
let closedTpl: string | undefined;
async function closedWorkspace(): Promise<string> {
  if (closedTpl === undefined) {
    const dir = passingWorkspace();
    await close(dir);
    closedTpl = dir;
  }
  const copy = tempDir();
  cpSync(closedTpl, copy, { recursive: true });
  return copy;
}
function key(comment: string): { file: string; pub: string } {
  const d = tempDir();
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', comment, '-f', join(d, 'id')]);
  return { file: join(d, 'id'), pub: readFileSync(join(d, 'id.pub'), 'utf8').trim() };
}
/** A teacher (bo@school) and the learner's checkpoint-only key (ana@home) in a committed allowed-signers file. */
function roles(dir: string, policy = ''): { teacher: string; learner: string } {
  const t = key('bo@school');
  const l = key('ana@home');
  writeFileSync(join(dir, 'allowed_signers'), `bo@school ${t.pub}\nana@home namespaces="lynx-checkpoint" ${l.pub}\n`);
  writeFileSync(join(dir, 'lynx.yaml'), `${BASE_YAML}signing:\n  allowed_signers: allowed_signers\n${policy}`);
  commitAll(dir, 'roles');
  return { teacher: t.file, learner: l.file };
}

describe('re-grading against the recorded bank', () => {
  it(
    'a record whose verdicts add up but disagree with the bank fails naming the line; one that skips questions ' +
      'fails',
    async () => {
      const dir = await closedWorkspace();
      expect((await gate(dir)).code).toBe(0);
      // answer 1 is the wrong choice for every item, yet recorded correct: the score adds up, the key does not
      const lies = Array.from({ length: 10 }, (_, i) => ({
        id: `q-00-${String(i + 1).padStart(2, '0')}`,
        answer: 1,
        verdict: 'correct',
        points: 1,
      }));
      recordAttempt(dir, 1, '2026-11-25T10:00:00.000Z', { answers: lies });
      commitAll(dir, 'forged attempt');
      const { code, g } = await gate(dir);
      expect(code).toBe(1);
      expect(failing(g)).toMatch(
        /quiz-attempts\.jsonl:2: answer q-00-01 \(mcq\) is recorded correct but grades wrong against the bank/,
      );
      const dir2 = passingWorkspace();
      recordAttempt(dir2, 1, '2026-11-25T10:00:00.000Z', {
        answers: [{ id: 'q-00-01', answer: 0, verdict: 'correct', points: 1 }],
      });
      commitAll(dir2, 'one-question attempt');
      expect(
        failing((await gate(dir2)).g) + (await lynxIn(['checkpoint', '00', '--json'], { cwd: dir2 })).stdout,
      ).toMatch(/:2: the attempt does not answer 9 of the bank's 10 question/);
    },
  );

  it('an attempt on an earlier committed version of the workspace bank re-grades against that version', async () => {
    const dir = passingWorkspace();
    const bank = join(dir, 'data/quizzes/phase-00-mini.yaml');
    writeFileSync(bank, readFileSync(bank, 'utf8').replace('Question 1?', 'Question one?'));
    commitAll(dir, 'bank reworded');
    const cp = await lynxIn(['checkpoint', '00', '--json'], { cwd: dir });
    // the old attempt is on the old bank (found in history, re-graded clean); the latest must be on the current one
    expect((JSON.parse(cp.stdout) as Gate).checks.find((c) => c.id === 'quiz')?.message).toMatch(
      /different version of the quiz bank; retake it/,
    );
    expect(cp.stdout).not.toMatch(/does not re-grade/);
  });
});

describe('identity, signatures and policy on waivers and attestations', () => {
  it(
    'a waiver naming another learner fails the gate; ' + 'the gate lists every record and its JSON counts them',
    async () => {
      const dir = await closedWorkspace();
      const ok = (await gate(dir)).g;
      expect(check(ok, 'gate:records')).toMatchObject({
        status: 'pass',
        evidence: [expect.stringMatching(/^attestation explain by teacher-bo on 2026-11-20, unsigned/) as unknown],
      });
      expect(ok.records).toEqual({ waivers: 0, attestations: 1, grades: 0, signed: 0, unsigned: 1 });
      editJson(dir, CP, (o) => {
        o.attestations = [{ item: 'explain', at: '2026-11-20T11:00:00.000Z', by: 'eve', learner: 'eve' }];
      });
      commitAll(dir, 'eve attests for ana');
      expect(failing((await gate(dir)).g)).toMatch(/attestation of "explain" .* names learner "eve", not "ana"/);
    },
  );

  it(
    "attest --sign by a teacher verifies; the signed note edited fails; the learner's checkpoint key cannot sign " +
      'records',
    async () => {
      const dir = passingWorkspace();
      const k = roles(dir, 'policy:\n  attest: teacher\n');
      editJson(dir, CP, (o) => {
        o.attestations = [];
      });
      commitAll(dir, 'no attestation yet');
      // unsigned under attest: teacher is refused (exit 2), and the learner's key is not a teacher's
      expect((await lynxIn(['attest', '00', 'explain'], { cwd: dir })).stderr).toMatch(
        /requires a teacher's signature/,
      );
      // black-box: the refusal is the exit status of a real process
      const l = lynx(['attest', '00', 'explain', '--sign', '--key', k.learner], { cwd: dir });
      expect(l.code).toBe(2);
      expect(l.stderr).toMatch(/this key cannot sign lynx records/);
      const a = await lynxIn(
        ['attest', '00', 'explain', '--sign', '--key', k.teacher, '--note', 'argued it well', '--json'],
        {
          cwd: dir,
        },
      );
      expect(a.code).toBe(0);
      expect(JSON.parse(a.stdout)).toMatchObject({ attested: { by: 'bo@school', signed_by: 'bo@school' } });
      commitAll(dir, 'teacher attests');
      await close(dir);
      const g = (await gate(dir, '--strict')).g;
      expect(check(g, 'gate:records')).toMatchObject({
        status: 'pass',
        evidence: [
          expect.stringMatching(
            /attestation explain by bo@school .* signed by bo@school \(teacher\): argued it well/,
          ) as unknown,
        ],
      });
      expect(g.records).toMatchObject({ attestations: 1, signed: 1 });
      editJson(dir, CP, (o) => {
        (o.attestations as { note: string }[])[0]!.note = 'I say so';
      });
      commitAll(dir, 'edit the signed note');
      expect(failing((await gate(dir)).g)).toMatch(/attestation of "explain" .*: the signature does not verify/);
    },
  );

  it(
    "phase 19's case: a hand-written `by: teacher` attestation fails under attest: teacher and under --strict, " +
      'passes without',
    async () => {
      const dir = await closedWorkspace();
      expect((await gate(dir)).code).toBe(0);
      expect(failing((await gate(dir, '--strict')).g)).toMatch(
        /recorded as by teacher-bo but no teacher signed it \(--strict refuses unsigned teacher-only records\)/,
      );
      writeFileSync(join(dir, 'lynx.yaml'), `${BASE_YAML}policy:\n  attest: teacher\n`);
      commitAll(dir, 'teacher policy');
      expect(failing((await gate(dir)).g)).toMatch(
        /attestation of "explain" .* requires a teacher's signature \(policy\.attest: teacher\) — it is unsigned/,
      );
    },
  );

  it(
    "waivers: none and teacher are refused at command time and at gate time; max_waivers caps them; a teacher's " +
      'signed waiver passes',
    async () => {
      const dir = passingWorkspace();
      writeFileSync(join(dir, 'lynx.yaml'), `${BASE_YAML}policy:\n  waivers: none\n`);
      commitAll(dir, 'no waivers');
      const n = await lynxIn(['waive', '00', 'plots', '--reason', 'no plots'], { cwd: dir });
      expect(n.code).toBe(2);
      expect(n.stderr).toMatch(/allows no waivers/);
      const k = roles(dir, 'policy:\n  waivers: teacher\n  max_waivers: 1\n');
      expect((await lynxIn(['waive', '00', 'plots', '--reason', 'no plots'], { cwd: dir })).stderr).toMatch(
        /policy\.waivers: teacher/,
      );
      expect(
        (
          await lynxIn(['waive', '00', 'plots', '--reason', 'no plotting here', '--sign', '--key', k.teacher], {
            cwd: dir,
          })
        ).code,
      ).toBe(0);
      const two = await lynxIn(['waive', '00', 'summary', '--reason', 'no', '--sign', '--key', k.teacher], {
        cwd: dir,
      });
      expect(two.code).toBe(2);
      expect(two.stderr).toMatch(/at most 1 waiver\(s\) per phase/);
      commitAll(dir, 'signed waiver');
      await close(dir);
      expect(check((await gate(dir)).g, 'gate:records')).toMatchObject({
        status: 'pass',
        message: '1 waiver(s), 1 attestation(s), 0 grade(s); 1 signed',
      });
      // a hand-added unsigned waiver fails the gate under the same policy
      editJson(dir, CP, (o) => {
        (o.waivers as unknown[]).push({ item: 'summary', at: '2026-11-20T12:00:00.000Z', by: 'ana', reason: 'later' });
      });
      commitAll(dir, 'hand waiver');
      const msg = check((await gate(dir)).g, 'gate:records')?.evidence?.join('\n') ?? '';
      expect(msg).toMatch(/waiver of "summary" .* requires a teacher's signature \(policy\.waivers: teacher\)/);
      expect(msg).toMatch(/2 item\(s\) waived, more than the policy allows \(policy\.max_waivers: 1\)/);
    },
  );
});

describe('curriculum overrides that weaken the bundled DoD', () => {
  it('the CI template gates a cohort with --strict', () => {
    const ci = readFileSync(join(repoRoot, 'templates/ci/lynx-gate.yml'), 'utf8');
    expect(ci).toMatch(/layout:\[\[:space:\]\]\*cohort' lynx\.yaml; then echo "STRICT=1"/);
    expect(ci.match(/lynx gate --\S+.*\$\{STRICT:\+--strict\}/g)).toHaveLength(2);
  });

  it('allowed passes; flagged warns naming the weakened items; refused and --strict fail', async () => {
    const dir = await closedWorkspace();
    const allowed = await gate(dir);
    expect(allowed.code).toBe(0);
    expect(check(allowed.g, 'gate:curriculum-override')).toBeUndefined();
    expect(check((await gate(dir, '--strict')).g, 'gate:curriculum-override')).toMatchObject({
      status: 'fail',
      message: expect.stringMatching(/weakens phase 00's DoD .*: dropped.* — gate --strict refuses it/) as unknown,
    });
    writeFileSync(join(dir, 'lynx.yaml'), `${BASE_YAML}policy:\n  curriculum_override: flagged\n`);
    commitAll(dir, 'flagged');
    const flagged = await gate(dir);
    expect(flagged.code).toBe(0);
    expect(check(flagged.g, 'gate:curriculum-override')).toMatchObject({
      status: 'warn',
      evidence: expect.arrayContaining([expect.stringMatching(/: dropped$/) as unknown]) as unknown,
    });
    writeFileSync(join(dir, 'lynx.yaml'), `${BASE_YAML}policy:\n  curriculum_override: refused\n`);
    commitAll(dir, 'refused');
    expect((await gate(dir)).code).toBe(1);
  });
});

describe('lynx grade: a teacher grades self-assessed answers', () => {
  /** The bank's last item made a free question without keywords, and an attempt at 70 % counting it self-assessed
   * right. */
  function withFreeItem(dir: string): void {
    const file = join(dir, 'data/quizzes/phase-00-mini.yaml');
    const yaml = readFileSync(file, 'utf8').replace(
      / {2}- \{ id: q-00-10,.*\n/,
      '  - { id: q-00-10, answer_type: free, prompt_en: "Why test?", model_answer: "To catch regressions before ' +
        'users do.", tags: [arith] }\n',
    );
    writeFileSync(file, yaml);
    const items = Array.from({ length: 9 }, (_, i) => ({
      id: `q-00-0${i + 1}`,
      answer_type: 'mcq',
      prompt_en: `Question ${i + 1}?`,
      choices: ['right', 'wrong'],
      correct: 0,
      tags: ['arith'],
    }));
    const bank = {
      phase: 0,
      slug: 'mini',
      title_en: 'Mini quiz',
      items: [
        ...items,
        {
          id: 'q-00-10',
          answer_type: 'free',
          prompt_en: 'Why test?',
          model_answer: 'To catch regressions before users do.',
          tags: ['arith'],
        },
      ],
    };
    const answers = [
      ...items.map((q, i) => ({
        id: q.id,
        answer: i < 6 ? 0 : 1,
        verdict: i < 6 ? 'correct' : 'wrong',
        points: i < 6 ? 1 : 0,
      })),
      {
        id: 'q-00-10',
        answer: { text: 'so that mistakes show up early, while code changes', self_assessed: true },
        verdict: 'self-assessed',
        points: 1,
      },
    ];
    const last = readFileSync(join(dir, LOG), 'utf8').trimEnd().split('\n').at(-1);
    writeFileSync(
      join(dir, LOG),
      `${chainLine({ v: 1, at: '2026-11-20T10:30:00.000Z', phase: 0, learner: 'ana', bank_sha256: bankSha256(bank), mode: 'answers-file', answers: answers as never, score: 0.7, threshold: 0.7, passed: true }, last)}` +
        `\n`,
      { flag: 'a' },
    );
    commitAll(dir, 'a free item, self-assessed');
  }

  it(
    'lists the answer beside the model answer; a teacher\'s signed "wrong" fails the quiz; the learner cannot ' +
      'grade; a hand-written grade is ignored under --strict',
    async () => {
      const dir = passingWorkspace();
      const k = roles(dir);
      withFreeItem(dir);
      await close(dir);
      expect((await gate(dir)).code).toBe(0);
      const list = await lynxIn(['grade', '00', '--learner', 'ana', '--json'], { cwd: dir });
      expect(list.code).toBe(0);
      expect(JSON.parse(list.stdout)).toMatchObject({
        attempt: { line: 2 },
        items: [
          {
            id: 'q-00-10',
            model_answer: 'To catch regressions before users do.',
            answer: 'so that mistakes show up early, while code changes',
            self_assessed: 'right',
          },
        ],
      });
      expect((await lynxIn(['grade', '00', '--learner', 'ana'], { cwd: dir })).stdout).toContain(
        "ana's answer: so that mistakes show up early",
      );
      expect(
        (await lynxIn(['grade', '00', '--item', 'q-00-01', '--verdict', 'wrong', '--key', k.teacher], { cwd: dir }))
          .stderr,
      ).toMatch(/"q-00-01" is not a self-assessed answer/);
      expect(
        (await lynxIn(['grade', '00', '--item', 'q-00-10', '--verdict', 'meh', '--key', k.teacher], { cwd: dir })).code,
      ).toBe(2);
      expect(
        (await lynxIn(['grade', '00', '--item', 'q-00-10', '--verdict', 'correct', '--key', k.learner], { cwd: dir }))
          .stderr,
      ).toMatch(/this key cannot sign grades/);
      const g = await lynxIn(
        [
          'grade',
          '00',
          '--learner',
          'ana',
          '--item',
          'q-00-10',
          '--verdict',
          'wrong',
          '--note',
          'restates the question',
          '--key',
          k.teacher,
          '--json',
        ],
        { cwd: dir },
      );
      expect(g.code).toBe(0);
      expect(JSON.parse(g.stdout)).toMatchObject({
        recorded: { item: 'q-00-10', verdict: 'wrong', by: 'bo@school', file: 'learners/ana/phase-00/grades.jsonl' },
      });
      const line = JSON.parse(readFileSync(join(dir, 'learners/ana/phase-00/grades.jsonl'), 'utf8')) as Record<
        string,
        unknown
      >;
      expect(line).toMatchObject({
        learner: 'ana',
        by: 'bo@school',
        signed_by: 'bo@school',
        signature: expect.stringContaining('BEGIN SSH SIGNATURE') as unknown,
      });
      commitAll(dir, 'teacher grade');
      const after = await gate(dir);
      expect(after.code).toBe(1);
      expect(check(after.g, 'quiz')).toMatchObject({
        status: 'fail',
        message: expect.stringMatching(
          /60% .*70% as self-assessed, 60% with the teacher's grades \(q-00-10: self-assessed right, graded wrong by bo@school\)/,
        ) as unknown,
      });
      expect(after.g.records).toMatchObject({ grades: 1, signed: 1 });
      expect(schemaErrors('gate-result', after.g)).toBe('');
      expect(schemaErrors('grade', JSON.parse(g.stdout))).toBe('');
      expect(schemaErrors('grade', JSON.parse(list.stdout))).toBe('');
      expect(
        schemaErrors('grade', {
          ...(JSON.parse(g.stdout) as object),
          attempt: 'yesterday',
        }),
      ).not.toBe('');
      // the committed signed line rewritten (signature stripped, verdict flipped): the grade log is append-only
      const file = join(dir, 'learners/ana/phase-00/grades.jsonl');
      const signedLine = readFileSync(file, 'utf8').trimEnd();
      const { signature: _s, signed_by: _b, prev: _p, ...unsigned } = line;
      writeFileSync(file, `${JSON.stringify({ ...unsigned, verdict: 'correct', prev: line.prev })}\n`);
      commitAll(dir, 'signed grade rewritten by hand');
      expect(check((await gate(dir)).g, 'quiz')?.message).toMatch(
        /grades\.jsonl:1: this line was changed after it was committed in [0-9a-f]{8} — the grade log is append-only/,
      );
      // an unsigned grade appended by hand (the rewrite dropped from history): counted without --strict (listed,
      // unsigned); --strict ignores it
      git(dir, 'reset', '-q', '--hard', 'HEAD~1');
      writeFileSync(
        file,
        `${signedLine}\n${gradeLine({ ...unsigned, verdict: 'correct', at: '2026-12-01T00:00:00.000Z' } as never, signedLine)}\n`,
      );
      commitAll(dir, 'unsigned grade appended by hand');
      expect(check((await gate(dir)).g, 'quiz')?.status).toBe('pass');
      const strict = (await gate(dir, '--strict')).g;
      // ignored: the teacher's signed "wrong" stands
      expect(check(strict, 'quiz')?.message).toMatch(/graded wrong by bo@school/);
      expect(check(strict, 'gate:records')?.evidence?.join('\n')).toMatch(
        /grade q-00-10 by bo@school on .*, unsigned: correct/,
      );
    },
  );
});

describe('§8 counts only what came after approval', () => {
  it('a revision bullet written before approval does not license a later change; a newer one does', async () => {
    const dir = passingWorkspace();
    // the plan approved with a §8 row already in it ("anything may change"), committed as approved
    const approved =
      '# Phase 00 plan\n\n## §6 Definition of Done\n\n- every item\n\n## §7 Open questions\n\n- [x] none ' +
      'left\n\n## §8 Revisions log\n\n| date | change |\n|---|---|\n| 2026-11-18 | anything may change later |\n';
    writeFileSync(join(dir, 'PHASE_00_PLAN.md'), approved);
    editJson(dir, CP, (o) => {
      o.plan_sha256 = sha256(approved);
    });
    commitAll(dir, 'approved plan with a pre-written §8 row');
    const cp = async (): Promise<Check | undefined> =>
      (JSON.parse((await lynxIn(['checkpoint', '00', '--json'], { cwd: dir })).stdout) as Gate).checks.find(
        (c) => c.id === 'gate:plan',
      );
    expect((await cp())?.status).toBe('pass');
    writeFileSync(join(dir, 'PHASE_00_PLAN.md'), approved.replace('- every item', '- only the easy items'));
    commitAll(dir, 'plan weakened after approval');
    expect(await cp()).toMatchObject({
      status: 'fail',
      message: expect.stringMatching(/changed after approval but §8 Revisions log has no entry/) as unknown,
    });
    writeFileSync(
      join(dir, 'PHASE_00_PLAN.md'),
      `${approved.replace('- every item', '- only the easy items')}| 2026-11-21 | dropped the hard items: out ` +
        `of time |\n`,
    );
    commitAll(dir, 'logged');
    expect(await cp()).toMatchObject({
      status: 'pass',
      message: expect.stringMatching(/§8 has 1 revision entry/) as unknown,
    });
  });
});

describe('closed means closed: a break re-run and a quiz retake are practice', () => {
  it(
    'break start/restore on a closed phase leave its checkpoint byte-identical and its gate passing; a failed ' +
      'retake does not fail it',
    async () => {
      const dir = await closedWorkspace();
      const before = readFileSync(join(dir, CP), 'utf8');
      const show = await lynxIn(['break', '00'], { cwd: dir });
      expect(show.code, show.stderr).toBe(0);
      const pred = join(dir, 'learners/ana/phase-00/notes/breaks.md');
      writeFileSync(
        pred,
        `${readFileSync(pred, 'utf8')}\nThe add test fails: the sum comes out one too high, so 2 + 2 gives 5 and ` +
          `unittest reports it.\n`,
      );
      commitAll(dir, 'practice predictions');
      const s = await lynxIn(['break', '00', 'start', '--yes'], { cwd: dir });
      expect(s.code, s.stdout + s.stderr).toBe(0);
      expect(readFileSync(join(dir, CP), 'utf8')).toBe(before);
      expect((await gate(dir)).code).toBe(1); // the mutant is in the tree while the practice runs
      const r = await lynxIn(['break', '00', 'restore'], { cwd: dir });
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(readFileSync(join(dir, CP), 'utf8')).toBe(before);
      expect(readFileSync(join(dir, '.lynx/practice/ana/phase-00-break.json'), 'utf8')).toMatch(/"practice": true/);
      expect((await gate(dir)).code).toBe(0);
      // a retake after closing that fails is practice: the verdict is the last attempt before closed_at
      recordAttempt(dir, 0.2, '2099-01-01T00:00:00.000Z');
      commitAll(dir, 'practice retake');
      const g = await gate(dir);
      expect(g.code).toBe(0);
      expect(check(g.g, 'quiz')?.message).toMatch(/1 practice attempt\(s\) after closing not counted/);
    },
  );
});

describe('a rewrite of the log plus a squash of history plus re-run experiments', () => {
  it('still fails: the forged answers do not re-grade against the bank', async () => {
    const dir = await closedWorkspace();
    const lies = Array.from({ length: 10 }, (_, i) => ({
      id: `q-00-${String(i + 1).padStart(2, '0')}`,
      answer: 1,
      verdict: 'correct',
      points: 1,
    }));
    writeFileSync(join(dir, LOG), '');
    recordAttempt(dir, 1, '2026-11-20T10:00:00.000Z', { answers: lies });
    // squash: one orphan commit holds everything; experiments re-run on it; the checkpoint re-pointed at it
    git(dir, 'checkout', '-q', '--orphan', 'squashed');
    commitAll(dir, 'squashed');
    just(dir, 'exp');
    commitAll(dir, 're-run experiments');
    editJson(dir, CP, (o) => {
      o.head_sha = git(dir, 'rev-parse', 'HEAD').trim();
      o.quiz = { ...(o.quiz as object), log_sha256: undefined };
    });
    commitAll(dir, 'checkpoint re-pointed');
    const { code, g } = await gate(dir);
    expect(code).toBe(1);
    expect(failing(g)).toMatch(
      /quiz-attempts\.jsonl:1: answer q-00-01 \(mcq\) is recorded correct but grades wrong against the bank/,
    );
  });
});
