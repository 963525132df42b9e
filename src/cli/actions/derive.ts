/** lynx derive TOPIC [--phase NN]: argv → the derive use case → present. */
import { derive } from '../../app/derive.js';
import type { Outcome } from '../../core/exit-codes.js';
import { parsePhase } from '../../core/ids.js';
import type { Ctx } from '../context.js';
import { present } from '../present.js';

export async function deriveCommand(ctx: Ctx, o: { phase?: string }, words: string[]): Promise<Outcome> {
  return present(
    ctx,
    'derive',
    await derive({
      cwd: ctx.cwd,
      learner: ctx.learner,
      topic: words.join(' '),
      phase: o.phase === undefined ? undefined : parsePhase(o.phase),
    }),
  );
}
