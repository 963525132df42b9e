/** quiz: the latest attempt in an intact, hash-chained log is at or above the threshold. */
import { fail, pass, type KindDef } from '../types.js';
import { code, needsWord } from './shared.js';

const pct = (x: number): string => `${Math.round(x * 100)}%`;

export const quiz: KindDef<'quiz'> = {
  title: () => 'quiz passed',
  phrase: (c, p) => `${code(`lynx quiz ${p.nn}`)} latest attempt ≥ ${c.threshold !== undefined ? `${Math.round(c.threshold * 100)} %` : 'the phase threshold'}${needsWord(c.needs)}`,
  paths: () => [],
  validate: () => [],
  evaluate(c, ctx) {
    const threshold = c.threshold ?? ctx.phase.quiz.threshold;
    const { records, problems } = ctx.state.attempts;
    const base = { expected: `latest attempt ≥ ${pct(threshold)}, attempt log intact` };
    if (!ctx.phase.quiz.file) return Promise.resolve(pass('this phase has no quiz'));
    if (problems.length > 0) return Promise.resolve(fail(`the attempt log is not intact: ${problems[0] ?? ''}`, { ...base, evidence: problems.slice(0, 10), actual: 'tampered log' }));
    const last = records[records.length - 1];
    if (!last) return Promise.resolve(fail(`no quiz attempt recorded (run \`lynx quiz ${String(ctx.phase.id).padStart(2, '0')}\`)`, { ...base, actual: 'no attempt' }));
    if (ctx.state.bankSha256 !== undefined && last.bank_sha256 !== ctx.state.bankSha256)
      return Promise.resolve(fail('the latest attempt was taken on a different version of the quiz bank; retake it', { ...base, actual: `bank ${last.bank_sha256.slice(0, 12)}…` }));
    const ok = last.score >= threshold;
    const msg = `latest of ${records.length} attempt(s): ${pct(last.score)} on ${last.at.slice(0, 10)} (pass ≥ ${pct(threshold)})`;
    return Promise.resolve(ok ? pass(msg, { ...base, actual: pct(last.score) }) : fail(msg, { ...base, actual: pct(last.score) }));
  },
  fixture(c, w, want) {
    const threshold = c.threshold ?? w.phase.quiz.threshold;
    const score = want === 'pass' ? 1 : Math.max(0, threshold - 0.1);
    w.state.attempts.push({ v: 1, at: '2026-01-01T00:00:00Z', phase: w.phase.id, learner: 'ada', bank_sha256: w.state.bankSha256 ?? '', mode: 'answers-file', answers: [], score, threshold, passed: score >= threshold, prev: '' } as never);
  },
};
