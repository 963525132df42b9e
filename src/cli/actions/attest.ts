/** lynx attest NN ITEM / lynx waive NN ITEM --reason: argv → the attest or waive use case → present. */
import { attest, waive } from '../../app/attest.js';
import type { Outcome } from '../../core/exit-codes.js';
import type { Ctx } from '../context.js';
import { present } from '../present.js';

export async function attestCommand(
  ctx: Ctx,
  o: { note?: string; by?: string; sign?: boolean; key?: string },
  phase: string,
  item: string,
): Promise<Outcome> {
  return present(
    ctx,
    'attest',
    await attest({
      cwd: ctx.cwd,
      learner: ctx.learner,
      phase,
      item,
      by: o.by,
      note: o.note,
      sign: o.sign === true,
      key: o.key,
    }),
  );
}

export async function waiveCommand(
  ctx: Ctx,
  o: { reason: string; by?: string; sign?: boolean; key?: string },
  phase: string,
  item: string,
): Promise<Outcome> {
  return present(
    ctx,
    'waive',
    await waive({
      cwd: ctx.cwd,
      learner: ctx.learner,
      phase,
      item,
      by: o.by,
      reason: o.reason,
      sign: o.sign === true,
      key: o.key,
    }),
  );
}

export async function gradeCommand(
  ctx: Ctx,
  o: { item?: string; verdict?: string; note?: string; key?: string },
  phase: string,
): Promise<Outcome> {
  const { grade } = await import('../../app/grade.js');
  return present(
    ctx,
    'grade',
    await grade({
      cwd: ctx.cwd,
      learner: ctx.learner,
      phase,
      item: o.item,
      verdict: o.verdict,
      note: o.note,
      key: o.key,
    }),
  );
}

export async function signoffCommand(ctx: Ctx, o: { note?: string; key?: string }, phase: string): Promise<Outcome> {
  const { signoff } = await import('../../app/signoff.js');
  return present(
    ctx,
    'signoff',
    await signoff({ cwd: ctx.cwd, learner: ctx.learner, phase, note: o.note, key: o.key }),
  );
}
