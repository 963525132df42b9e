/** lynx status [NN] [--all]: argv → the status use case → present. Never loads ink or yaml when lynx.yaml is cached. */
import { status } from '../../app/status.js';
import { UsageError } from '../../core/errors.js';
import type { Outcome } from '../../core/exit-codes.js';
import { parsePhase } from '../../core/ids.js';
import type { Ctx } from '../context.js';
import { present } from '../present.js';

/** The line `lynx next` would lead with, for the end of the plain status view. */
async function nextLine(ctx: Ctx): Promise<string | undefined> {
  const { next } = await import('../../app/next.js');
  const first = (await next({ cwd: ctx.cwd, learner: ctx.learner })).actions[0];
  return first ? (first.command ?? first.why) : undefined;
}

export async function statusCommand(ctx: Ctx, all: boolean, phaseArg: string | undefined): Promise<Outcome> {
  const phase = phaseArg === undefined ? undefined : parsePhase(phaseArg);
  if (phase !== undefined && all) throw new UsageError('give either a phase or --all, not both');
  const result = await status({ cwd: ctx.cwd, learner: ctx.learner, all, phase });
  // one learner, the whole list, in a terminal's reading form: end with what to do now
  const line = !ctx.json && !all && phase === undefined && result.learners.every((l) => l.counts.invalid === 0) ? await nextLine(ctx) : undefined;
  return present(ctx, 'status', result, { next: line });
}
