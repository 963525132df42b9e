/**
 * Issue 15's remaining items, on the mini workspace (tests/helpers/gate-fixture.ts), in process
 * (tests/helpers/app.ts): the grade log append-only across history, a quiz retake on a closed phase
 * as practice, review events that carry the learner, the break's trail and the report's block checked
 * without signing, and a teacher's sign-off of a closure under `policy.closure: teacher`.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { cleanup, git, tempDir } from '../helpers/cli.js';
import { call } from '../helpers/app.js';
import {
  passingWorkspace,
  commitAll,
  type GateCheck as Check,
  type GateJson as Gate,
} from '../helpers/gate-fixture.js';
import { schemaErrors } from '../helpers/json-schema.js';
import { report } from '../../src/app/report.js';
import { gate } from '../../src/app/gate.js';
import { checkpoint } from '../../src/app/checkpoint.js';
import { memoName } from '../../src/io/append-only.js';
import { quizAnswers } from '../../src/app/quiz-answers.js';
import { gradeLine } from '../../src/core/grades.js';
import { reviewGrades, reviewQueue } from '../../src/app/review.js';
import { status } from '../../src/app/status.js';
import { next } from '../../src/app/next.js';
import { classView } from '../../src/app/class.js';
import { signoff } from '../../src/app/signoff.js';
import { sha256 } from '../../src/core/attempts.js';
import { closureDigest, tailAtClose } from '../../src/core/closure-digest.js';
import { canonicalRecord } from '../../src/core/records.js';
import { BEGIN, END } from '../../src/core/report-block.js';

afterAll(cleanup);

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

  it("checkpoint's memo (.lynx/cache) never reaches the gate: a forged one fools checkpoint only", async () => {
    const dir = passingWorkspace();
    await close(dir);
    writeFileSync(join(dir, GRADES), `${gradeLine(grade('correct', '2026-11-21T10:00:00.000Z'), undefined)}\n`);
    commitAll(dir, 'a grade');
    writeFileSync(join(dir, GRADES), `${gradeLine(grade('wrong', '2026-11-21T10:00:00.000Z'), undefined)}\n`);
    commitAll(dir, 'rewrite the grade');
    const oids = git(dir, 'log', '--format=%H', '--', GRADES)
      .split('\n')
      .filter(Boolean)
      .map((sha) => git(dir, 'rev-parse', `${sha}:${GRADES}`).trim());
    const memo = {
      v: 1,
      rel: GRADES,
      size: readFileSync(join(dir, GRADES)).length,
      oid: git(dir, 'hash-object', GRADES).trim(),
      prefixes: oids,
    };
    const checkpointFails = async (): Promise<string> => failing(await checkpoint({ cwd: dir, phase: '00' }));
    expect(await checkpointFails()).toContain("the teacher's grade log is not intact");
    mkdirSync(join(dir, '.lynx', 'cache'), { recursive: true });
    writeFileSync(join(dir, '.lynx', 'cache', memoName(GRADES)), JSON.stringify(memo));
    expect(await checkpointFails()).not.toContain('grade log');
    expect(failing((await gateOf(dir)).g)).toContain("the teacher's grade log is not intact");
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

const BASE_YAML = 'schema_version: 1\nlearner: ana\ncurriculum: data/curriculum\nquizzes: data/quizzes\n';
const LOG = 'learners/ana/phase-00/quiz-attempts.jsonl';
const readJson = (dir: string, rel: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(dir, rel), 'utf8')) as Record<string, unknown>;
const writeJson = (dir: string, rel: string, o: unknown): void =>
  writeFileSync(join(dir, rel), JSON.stringify(o, null, 2));
/** What a forger who read closure-digest.ts computes: the digest that matches their hand-written closure. */
const forgedDigest = (dir: string, cp: Record<string, unknown>, reportText: string): string =>
  closureDigest({
    checkpoint: cp as never,
    reportSha256: sha256(reportText),
    logSha256: tailAtClose(readFileSync(join(dir, LOG), 'utf8'), cp.closed_at as string),
  });
const check = (g: Gate, id: string): Check | undefined => g.checks.find((c) => c.id === id);

/**
 * A closure written entirely by hand on the open fixture phase: a report with lynx's block typed in (this learner,
 * the closing commit), the closure fields, a digest computed as lynx computes it. The fixture's break record is
 * itself typed in (tests/helpers/gate-fixture.ts breakTrail): no `lynx break` ever ran.
 */
function forgeClosure(dir: string): void {
  const head = git(dir, 'rev-parse', 'HEAD').trim();
  const text =
    `# Phase 00 report — Mini phase\n\nAll done.\n\n${BEGIN}\n## Gate record (written by lynx)\n\n- **Learner:** ana\n` +
    `- **Closed:** 2026-12-01 10:00 UTC at commit \`${head.slice(0, 12)}\` (lynx 0.1.0)\n${END}\n`;
  writeFileSync(join(dir, 'PHASE_00_REPORT.md'), text);
  const cp = {
    ...readJson(dir, CP),
    status: 'done',
    closed_at: new Date().toISOString(),
    head_sha: head,
    report_sha256: sha256(text),
    curriculum_sha256: 'c'.repeat(64),
  };
  writeJson(dir, CP, { ...cp, gate_digest: forgedDigest(dir, cp, text) });
  commitAll(dir, 'closed by hand');
}

describe('caught without signing: what lynx break and lynx report leave that a hand-written record lacks', () => {
  it('a break marked restored by hand without the trail fails report and gate; the honest trail passes', async () => {
    const dir = passingWorkspace();
    const cp = readJson(dir, CP);
    writeJson(dir, CP, { ...cp, break: { id: 'off-by-one', state: 'restored' } });
    commitAll(dir, 'break marked restored by hand');
    const r = await call('report', () => report({ cwd: dir, phase: '00' }), { cwd: dir, json: true });
    expect(r.code).toBe(1);
    expect(check(r.json as Gate, 'gate:break')?.message).toBe(
      'break off-by-one is marked restored, but not as `lynx break 00` records it: no started_at, diagnosed_at, ' +
        'restored_at recorded; no diagnosis recorded',
    );
    // the trail, but no committed predictions; then predictions first committed after the break "started"
    writeJson(dir, CP, cp);
    rmSync(join(dir, 'learners/ana/phase-00/notes/breaks.md'));
    commitAll(dir, 'no predictions');
    const none = await call('report', () => report({ cwd: dir, phase: '00' }), { cwd: dir, json: true });
    expect(check(none.json as Gate, 'gate:break')?.message).toMatch(
      /: the predictions file learners\/ana\/phase-00\/notes\/breaks\.md does not exist$/,
    );
    git(dir, 'revert', '--no-edit', 'HEAD');
    writeJson(dir, CP, { ...cp, break: { ...(cp.break as object), started_at: '2020-01-01T00:00:00.000Z' } });
    commitAll(dir, 'started before the predictions existed');
    const early = await call('report', () => report({ cwd: dir, phase: '00' }), { cwd: dir, json: true });
    expect(check(early.json as Gate, 'gate:break')?.message).toMatch(
      /breaks\.md was first committed on .*, after the break started \(2020-01-01T00:00:00\.000Z\)/,
    );
    writeJson(dir, CP, cp);
    commitAll(dir, 'the trail lynx break wrote');
    await close(dir);
    expect(check((await gateOf(dir)).g, 'gate:break')?.status).toBe('pass');
  });

  it('a hand-written report with forged closure fields fails: no lynx block, no gate_digest', async () => {
    const dir = passingWorkspace();
    const head = git(dir, 'rev-parse', 'HEAD').trim();
    const text = '# Phase 00 report\n\nEverything passed.\n';
    writeFileSync(join(dir, 'PHASE_00_REPORT.md'), text);
    writeJson(dir, CP, {
      ...readJson(dir, CP),
      status: 'done',
      closed_at: new Date().toISOString(),
      head_sha: head,
      report_sha256: sha256(text),
    });
    commitAll(dir, 'closed by hand');
    const { code, g } = await gateOf(dir);
    expect(code).toBe(1);
    expect(check(g, 'closure:report')?.status).toBe('pass'); // the recorded sha is the forger's own
    expect(check(g, 'closure:report-block')?.message).toMatch(
      /^PHASE_00_REPORT\.md has no block written by lynx report \(<!-- lynx:report:begin --> … <!-- lynx:report:end -->\)/,
    );
    expect(check(g, 'closure:digest')?.message).toBe(
      `${CP} has no gate_digest: the phase was not closed by lynx report`,
    );
  });

  it('closure fields edited after lynx report wrote them fail: the stored digest no longer matches', async () => {
    const dir = passingWorkspace();
    await close(dir);
    expect(check((await gateOf(dir)).g, 'closure:digest')?.status).toBe('pass');
    const cp = readJson(dir, CP);
    writeJson(dir, CP, { ...cp, dod: { ...(cp.dod as object), plots: true, extra: true } });
    commitAll(dir, 'dod edited');
    expect(check((await gateOf(dir)).g, 'closure:digest')?.message).toMatch(
      /gate_digest [0-9a-f]{12} does not match the closure recomputed .* — the closure fields \(dod, .*\), the report or the attempt log changed after closing/,
    );
  });

  it('a consistent forgery (block and break trail typed in, digest computed) passes without a teacher', async () => {
    const dir = passingWorkspace();
    forgeClosure(dir);
    const { code, g } = await gateOf(dir);
    // what a determined learner can still forge without signing (README, Trust) — the next block stops it
    expect(failing(g)).toBe('');
    expect(code).toBe(0);
  });
});

function key(comment: string): { file: string; pub: string } {
  const d = tempDir();
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', comment, '-f', join(d, 'id')]);
  return { file: join(d, 'id'), pub: readFileSync(join(d, 'id.pub'), 'utf8').trim() };
}
/** A teacher (bo@school) and the learner's own key (ana@home, allowed to sign records but never a teacher). */
function roles(dir: string, policy: string): { teacher: string; learner: string } {
  const t = key('bo@school');
  const l = key('ana@home');
  writeFileSync(join(dir, 'allowed_signers'), `bo@school ${t.pub}\nana@home ${l.pub}\n`);
  writeFileSync(join(dir, 'lynx.yaml'), `${BASE_YAML}signing:\n  allowed_signers: allowed_signers\n${policy}`);
  commitAll(dir, 'roles');
  return { teacher: t.file, learner: l.file };
}
const signoffRun = (dir: string, keyFile: string) =>
  call('signoff', () => signoff({ cwd: dir, learner: 'ana', phase: '00', key: keyFile, note: 'reviewed' }), {
    cwd: dir,
    json: true,
  });
const SIGNOFF = 'learners/ana/phase-00/signoff.json';

describe("policy.closure: teacher — a teacher's sign-off over the recomputed closure digest", () => {
  it('the consistent forgery fails without a sign-off, under the policy and under --strict', async () => {
    const dir = passingWorkspace();
    roles(dir, 'policy:\n  closure: teacher\n');
    forgeClosure(dir);
    const { code, g } = await gateOf(dir);
    expect(code).toBe(1);
    expect(failing(g)).toBe(
      `policy.closure: teacher, and phase 00's closure has no teacher's sign-off (${SIGNOFF}) — a teacher ` +
        'reviews it and runs `lynx signoff 00 --learner ana`',
    );
    // --strict fails the fixture for other reasons too (its unsigned teacher attestation, its curriculum override)
    expect(check((await gateOf(dir, { strict: true })).g, 'closure:signoff')?.status).toBe('fail');
  });

  it(
    'honest closure + sign-off passes (--strict too); an edit after it fails though the forger recomputes ' +
      "gate_digest; a learner's key cannot sign off",
    async () => {
      const dir = passingWorkspace();
      const k = roles(dir, 'policy:\n  closure: teacher\n');
      const open = await signoffRun(dir, k.teacher);
      expect(open.code).toBe(2);
      expect(open.stderr).toMatch(/phase 00 is not closed for ana \(in_progress\): a teacher signs off a closed phase/);
      await close(dir);
      expect((await gateOf(dir)).code).toBe(1);
      const mine = await signoffRun(dir, k.learner);
      expect(mine.code).toBe(2);
      expect(mine.stderr).toMatch(/ana@home is not a teacher here: a learner cannot sign off their own closure/);
      const s = await signoffRun(dir, k.teacher);
      expect(s.code, s.stderr).toBe(0);
      expect(s.json).toMatchObject({ phase: 0, learner: 'ana', by: 'bo@school', file: SIGNOFF, note: 'reviewed' });
      expect(schemaErrors('signoff', s.json)).toBe('');
      expect(schemaErrors('signoff', { ...(s.json as object), digest: 'x' })).not.toBe('');
      commitAll(dir, 'teacher signs off');
      for (const strict of [false, true]) {
        const { code, g } = await gateOf(dir, { strict });
        expect(check(g, 'closure:signoff')).toMatchObject({
          status: 'pass',
          message: expect.stringMatching(/^signed off by bo@school \(teacher\) on .*: reviewed$/) as unknown,
        });
        if (!strict) expect(code).toBe(0); // --strict fails the fixture's unsigned teacher attestation regardless
      }
      // a break "restored" differently by hand after the sign-off, the stored digest recomputed to match
      const cp = readJson(dir, CP);
      const edited = { ...cp, break: { ...(cp.break as object), hints_used: 0, diagnosis: 'I knew it all along' } };
      const text = readFileSync(join(dir, 'PHASE_00_REPORT.md'), 'utf8');
      writeJson(dir, CP, { ...edited, gate_digest: forgedDigest(dir, edited, text) });
      commitAll(dir, 'break record edited after the sign-off');
      const after = (await gateOf(dir)).g;
      expect(check(after, 'closure:digest')?.status).toBe('pass');
      expect(check(after, 'closure:signoff')?.message).toMatch(
        /^the closure changed after bo@school signed it off on .*: the digest recomputed from the checkpoint, the report and the attempt log is [0-9a-f]{12}, the sign-off covers [0-9a-f]{12}$/,
      );
      // a "sign-off" the learner signed with their own key, by hand: not a teacher's
      git(dir, 'reset', '-q', '--hard', 'HEAD~1');
      const rec = readJson(dir, SIGNOFF);
      const { signature: _s, ...rest } = rec;
      const fields = { ...rest, by: 'ana@home', signed_by: 'ana@home' };
      const sig = execFileSync('ssh-keygen', ['-Y', 'sign', '-q', '-f', k.learner, '-n', 'lynx-record'], {
        input: canonicalRecord('signoff', 0, fields),
      }).toString();
      writeJson(dir, SIGNOFF, { ...fields, signature: sig.slice(sig.indexOf('-----BEGIN')).trim() });
      commitAll(dir, 'self sign-off');
      expect(check((await gateOf(dir)).g, 'closure:signoff')?.message).toMatch(
        /signoff\.json is signed by ana@home, who is not a teacher here .* a learner cannot sign off their own closure/,
      );
    },
  );

  it('under the default policy (closure: self) no sign-off is asked for, with or without --strict', async () => {
    const dir = passingWorkspace();
    await close(dir);
    for (const strict of [false, true])
      expect(check((await gateOf(dir, { strict })).g, 'closure:signoff')).toBe(undefined);
  });
});
