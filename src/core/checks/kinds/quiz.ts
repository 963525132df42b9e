/** quiz: the latest attempt in an intact, hash-chained log is at or above the threshold. */
import { fail, pass, type KindDef } from '../types.js';
import { code, needsWord } from './shared.js';
import { auditRecords } from '../../attempt-audit.js';
import { attemptsFile } from '../../attempts.js';
import { regradeLog } from '../../regrade.js';
import { gradedScore, gradesOf } from '../../grades.js';

const pct = (x: number): string => `${Math.round(x * 100)}%`;

export const quiz: KindDef<'quiz'> = {
  title: () => 'quiz passed',
  phrase: (c, p) =>
    `${code(`lynx quiz ${p.nn}`)} latest attempt ≥ ` +
    `${c.threshold !== undefined ? `${Math.round(c.threshold * 100)} %` : 'the phase threshold'}` +
    `${needsWord(c.needs)}`,
  paths: () => [],
  validate: () => [],
  evaluate(c, ctx) {
    const threshold = c.threshold ?? ctx.phase.quiz.threshold;
    const { records, problems } = ctx.state.attempts;
    const base = { expected: `latest attempt ≥ ${pct(threshold)}, attempt log intact` };
    if (!ctx.phase.quiz.file) return Promise.resolve(pass('this phase has no quiz'));
    if (problems.length > 0)
      return Promise.resolve(
        fail(`the attempt log is not intact: ${problems[0] ?? ''}`, {
          ...base,
          evidence: problems.slice(0, 10),
          actual: 'tampered log',
        }),
      );
    // the stored scores are derived data: re-derive them and check whose records these are (issue 15)
    const audit = auditRecords(records, attemptsFile(ctx.learner, ctx.phase.id), ctx.learner, ctx.phase.id);
    if (audit.length > 0)
      return Promise.resolve(
        fail(`an attempt record does not add up: ${audit[0] ?? ''}`, {
          ...base,
          evidence: audit.slice(0, 10),
          actual: 'inconsistent record',
        }),
      );
    // and the deterministic answers are graded again against the bank each attempt records
    const banks =
      ctx.state.banks ??
      (ctx.state.bank && ctx.state.bankSha256 ? new Map([[ctx.state.bankSha256, ctx.state.bank]]) : new Map());
    const regrade = regradeLog(records, banks, attemptsFile(ctx.learner, ctx.phase.id), ctx.state.codeRuns);
    if (regrade.problems.length > 0)
      return Promise.resolve(
        fail(`an attempt record does not re-grade: ${regrade.problems[0] ?? ''}`, {
          ...base,
          evidence: regrade.problems.slice(0, 10),
          actual: 'record disagrees with the bank',
        }),
      );
    const gradeProblems = ctx.state.grades?.problems ?? [];
    if (gradeProblems.length > 0)
      return Promise.resolve(
        fail(`the teacher's grade log is not intact: ${gradeProblems[0] ?? ''}`, {
          ...base,
          evidence: gradeProblems.slice(0, 10),
          actual: 'tampered grade log',
        }),
      );
    // closed means closed: an attempt after closing is practice, the verdict is the last one before it
    const cp = ctx.state.checkpoint;
    const closedAt = cp && (cp.status === 'done' || cp.status === 'attested') ? Date.parse(cp.closed_at ?? '') : NaN;
    const counted = Number.isFinite(closedAt) ? records.filter((r) => Date.parse(r.at) <= closedAt) : records;
    const practice = records.length - counted.length;
    const last = counted[counted.length - 1];
    if (!last)
      return Promise.resolve(
        fail(`no quiz attempt recorded (run \`lynx quiz ${String(ctx.phase.id).padStart(2, '0')}\`)`, {
          ...base,
          actual: 'no attempt',
        }),
      );
    if (ctx.state.bankSha256 !== undefined && last.bank_sha256 !== ctx.state.bankSha256)
      return Promise.resolve(
        fail('the latest attempt was taken on a different version of the quiz bank; retake it', {
          ...base,
          actual: `bank ${last.bank_sha256.slice(0, 12)}…`,
        }),
      );
    // a teacher's grades replace the learner's self-assessments of the latest attempt
    const graded = gradedScore(last, gradesOf(ctx.state.grades?.records ?? [], counted.length, last.at));
    const ok = graded.score + 1e-9 >= threshold;
    const teacher =
      graded.changed.length > 0
        ? `; ${pct(last.score)} as self-assessed, ${pct(graded.score)} with the teacher's grades (` +
          `${graded.changed.join('; ')})`
        : '';
    // a healed interruption (torn line skipped, checkpoint summary behind the log) is said, not hidden
    const notes = [...(ctx.state.attempts.notes ?? []), ...regrade.notes];
    const msg =
      `latest of ${counted.length} attempt(s): ${pct(graded.score)} on ${last.at.slice(0, 10)} (pass ≥ ` +
      `${pct(threshold)})${teacher}` +
      `${practice > 0 ? `; ${practice} practice attempt(s) after closing not counted` : ''}` +
      `${notes.length > 0 ? ` — note: ${notes.join('; ')}` : ''}`;
    const evidence = graded.changed.length > 0 ? { evidence: graded.changed } : {};
    return Promise.resolve(
      ok
        ? pass(msg, { ...base, ...evidence, actual: pct(graded.score) })
        : fail(msg, { ...base, ...evidence, actual: pct(graded.score) }),
    );
  },
  fixture(c, w, want) {
    const threshold = c.threshold ?? w.phase.quiz.threshold;
    // ten answers whose verdicts add up to the score, as lynx quiz records them
    const right = want === 'pass' ? 10 : Math.max(0, Math.ceil(threshold * 10) - 1);
    const answers = Array.from({ length: 10 }, (_, i) => ({
      id: `q-${i + 1}`,
      answer: 0,
      verdict: i < right ? 'correct' : 'wrong',
      points: i < right ? 1 : 0,
    }));
    const score = right / 10;
    w.state.attempts.push({
      v: 1,
      at: '2026-01-01T00:00:00Z',
      phase: w.phase.id,
      learner: w.state.checkpoint.learner,
      bank_sha256: w.state.bankSha256 ?? '',
      mode: 'answers-file',
      answers,
      score,
      threshold,
      passed: score + 1e-9 >= threshold,
      prev: '',
    } as never);
  },
};
