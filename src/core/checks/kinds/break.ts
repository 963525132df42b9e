/**
 * break: the phase's break exercise done and restored, and no break journal left open. "Restored" is
 * believed only with the trail `lynx break` leaves (issue 15: a break marked restored by hand): the
 * predictions committed before the break started, started → diagnosed → restored in that order, a
 * diagnosis (or the cause revealed). A consistent hand-written trail is what only a teacher's
 * sign-off of the closure stops (README, Trust).
 */
import { fail, pass, type CheckContext, type KindDef } from '../types.js';
import { code, needsWord } from './shared.js';
import { isYamlEntry, markdownWritten, predictionsRel, predictionsTemplate } from '../../break/predictions.js';

type BreakState = NonNullable<NonNullable<CheckContext['state']['checkpoint']>['break']>;

/** What the recorded break lacks of the trail `lynx break start/diagnose/restore` writes (empty: complete). */
export async function trailProblems(b: BreakState, ctx: CheckContext): Promise<string[]> {
  const out: string[] = [];
  const brk = ctx.phase.breaks.find((x) => x.id === b.id);
  if (!brk) return [`"${String(b.id)}" is not one of phase ${ctx.phase.id}'s breaks`];
  const time = (v: string | undefined): number => (v === undefined ? NaN : Date.parse(v));
  const [started, diagnosed, restored] = [time(b.started_at), time(b.diagnosed_at), time(b.restored_at)];
  const missing = (
    [
      ['started_at', started],
      ['diagnosed_at', diagnosed],
      ['restored_at', restored],
    ] as const
  ).filter(([, t]) => !Number.isFinite(t));
  if (missing.length > 0) out.push(`no ${missing.map(([k]) => k).join(', ')} recorded`);
  else if (!(started <= diagnosed && diagnosed <= restored))
    out.push(
      `its times are out of order (started ${b.started_at ?? ''}, diagnosed ${b.diagnosed_at ?? ''}, restored ` +
        `${b.restored_at ?? ''})`,
    );
  if ((b.diagnoses ?? []).length === 0 && b.revealed_at === undefined) out.push('no diagnosis recorded');
  const rel = ctx.expand(predictionsRel(ctx.phase.id, brk));
  const text = ctx.fs.read(rel);
  const template = predictionsTemplate(ctx.phase.id, brk);
  if (text === undefined) out.push(`the predictions file ${rel} does not exist`);
  else if (isYamlEntry(brk) ? text.replace(/\r\n/g, '\n') === template : !markdownWritten(text, template).ok)
    out.push(`${rel} holds no predictions`);
  else if (!(await ctx.git.committed(rel))) out.push(`${rel} is not committed`);
  else {
    const first = await ctx.git.firstCommit(rel);
    // start refuses until the predictions are committed: a first commit after started_at was not there then
    if (first && Number.isFinite(started) && first.time * 1000 > started)
      out.push(
        `${rel} was first committed on ${new Date(first.time * 1000).toISOString()}, after the break started ` +
          `(${b.started_at ?? ''})`,
      );
  }
  return out;
}

export const breakDone: KindDef<'break'> = {
  title: () => 'break done and restored',
  phrase: (c, p) =>
    `${code(`lynx break ${p.nn}`)}${c.break !== undefined ? ` (${c.break})` : ''} done and restored` +
    `${needsWord(c.needs)}`,
  paths: () => [],
  validate: () => [],
  async evaluate(c, ctx) {
    const b = ctx.state.checkpoint?.break;
    const journals = ctx.state.breakJournals;
    const n = String(ctx.phase.id).padStart(2, '0');
    if (journals.length > 0)
      return fail(`a break is still active (${journals.join(', ')}): restore it with \`lynx break ${n} restore\``, {
        evidence: journals,
      });
    if (ctx.phase.breaks.length === 0) return pass('this phase has no break');
    if (!b || (c.break !== undefined && b.id !== c.break))
      return fail(`the break exercise has not been done (\`lynx break ${n}\`)`, {
        expected: 'done and restored',
        actual: 'not started',
      });
    if (b.state !== 'restored')
      return fail(`break ${b.id ?? ''} is ${b.state ?? 'not started'}, not restored`, {
        expected: 'restored',
        actual: b.state ?? 'none',
      });
    const trail = await trailProblems(b, ctx);
    if (trail.length > 0)
      return fail(
        `break ${b.id ?? ''} is marked restored, but not as \`lynx break ${n}\` records it: ${trail.join('; ')}`,
        {
          expected: 'committed predictions, then start → diagnose → restore',
          actual: `${trail.length} gap(s) in the trail`,
          evidence: trail,
        },
      );
    return pass(`break ${b.id ?? ''} done and restored (${b.hints_used ?? 0} hint(s) used)`);
  },
  fixture(c, w, want) {
    const id = c.break ?? w.phase.breaks[0]?.id;
    const brk = w.phase.breaks.find((x) => x.id === id);
    if (want !== 'pass' || id === undefined || !brk) return;
    // the trail lynx break leaves: predictions committed first, then start → diagnose → restore
    const rel = w.expand(predictionsRel(w.phase.id, brk));
    w.write(
      rel,
      `${predictionsTemplate(w.phase.id, brk)}\nI predict the observed command fails, showing the broken ` +
        `behaviour the edit introduces.\n`,
    );
    w.state.checkpoint.break = {
      id,
      state: 'restored',
      predicted_at: '2026-01-01T00:00:00Z',
      started_at: '2026-01-01T00:01:00Z',
      diagnosed_at: '2026-01-01T00:10:00Z',
      restored_at: '2026-01-01T00:20:00Z',
      diagnoses: [{ text: 'the edit broke it', at: '2026-01-01T00:10:00Z', names_cause: true }],
    } as never;
  },
};
