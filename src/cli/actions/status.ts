/** lynx status [NN] [--all]: argv → the status use case → present. Never loads ink or yaml when lynx.yaml is cached. */
import { status } from '../../app/status.js';
import { UsageError } from '../../core/errors.js';
import type { Outcome } from '../../core/exit-codes.js';
import { parsePhase } from '../../core/ids.js';
import type { Ctx } from '../context.js';
import { present } from '../present.js';

export async function statusCommand(ctx: Ctx, all: boolean, phaseArg: string | undefined): Promise<Outcome> {
  const phase = phaseArg === undefined ? undefined : parsePhase(phaseArg);
  if (phase !== undefined && all) throw new UsageError('give either a phase or --all, not both');
  return present(ctx, 'status', await status({ cwd: ctx.cwd, learner: ctx.learner, all, phase }));
}
