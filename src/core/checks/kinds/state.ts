/** Kinds read from recorded state: quiz (hash-chained attempt log), break (done and restored), attest. */
import { fail, pass, type KindImpl } from '../types.js';

export const quiz: KindImpl<'quiz'> = (c, ctx) => {
  const threshold = c.threshold ?? ctx.phase.quiz.threshold;
  const pct = (x: number): string => `${Math.round(x * 100)}%`;
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
};

export const breakDone: KindImpl<'break'> = (c, ctx) => {
  const b = ctx.state.checkpoint?.break;
  const journals = ctx.state.breakJournals;
  if (journals.length > 0) return Promise.resolve(fail(`a break is still active (${journals.join(', ')}): restore it with \`lynx break ${String(ctx.phase.id).padStart(2, '0')} restore\``, { evidence: journals }));
  if (ctx.phase.breaks.length === 0) return Promise.resolve(pass('this phase has no break'));
  if (!b || (c.break !== undefined && b.id !== c.break)) return Promise.resolve(fail(`the break exercise has not been done (\`lynx break ${String(ctx.phase.id).padStart(2, '0')}\`)`, { expected: 'done and restored', actual: 'not started' }));
  if (b.state !== 'restored') return Promise.resolve(fail(`break ${b.id ?? ''} is ${b.state ?? 'not started'}, not restored`, { expected: 'restored', actual: b.state ?? 'none' }));
  return Promise.resolve(pass(`break ${b.id ?? ''} done and restored (${b.hints_used ?? 0} hint(s) used)`));
};

export const attest: KindImpl<'attest'> = (c, ctx) => {
  const item = ctx.itemId ?? '';
  const a = ctx.state.checkpoint?.attestations?.filter((x) => x.item === item).at(-1);
  if (a) return Promise.resolve(pass(`attested by ${a.by} on ${a.at.slice(0, 10)}${a.note ? `: ${a.note}` : ''}`, { evidence: [`attestation ${item}`] }));
  return Promise.resolve(fail(`needs a person's judgement: \`lynx attest ${String(ctx.phase.id).padStart(2, '0')} ${item}\`${c.prompt ? ` — "${c.prompt}"` : ''}`, { expected: 'an attestation', actual: 'none' }));
};
