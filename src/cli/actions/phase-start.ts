/** lynx phase-start NN [--approve] [--force]: argv → the phase-start or approve use case → present. */
import { UsageError } from '../../core/errors.js';
import type { Outcome } from '../../core/exit-codes.js';
import { parsePhase } from '../../core/ids.js';
import type { Ctx } from '../context.js';
import { present } from '../present.js';

export async function phaseStartCommand(
  ctx: Ctx,
  o: { approve?: boolean; force?: boolean },
  nnArg: string,
): Promise<Outcome> {
  const phase = parsePhase(nnArg);
  if (o.approve) {
    if (o.force)
      throw new UsageError('--force does not apply to --approve', {
        hint: 'Approval is recorded as it is; use --force only to open a phase or rewrite its plan.',
      });
    const { phaseApprove } = await import('../../app/phase-approve.js');
    return present(ctx, 'phase-approve', await phaseApprove({ cwd: ctx.cwd, learner: ctx.learner, phase }));
  }
  const { phaseStart } = await import('../../app/phase-start.js');
  return present(
    ctx,
    'phase-start',
    await phaseStart({ cwd: ctx.cwd, learner: ctx.learner, phase, force: o.force === true }),
  );
}
