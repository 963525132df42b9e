/** lynx next: argv → the next use case → present (the one next action, and the few after it). */
import { next } from '../../app/next.js';
import type { Outcome } from '../../core/exit-codes.js';
import type { Ctx } from '../context.js';
import { present } from '../present.js';

export async function nextCommand(ctx: Ctx): Promise<Outcome> {
  return present(ctx, 'next', await next({ cwd: ctx.cwd, learner: ctx.learner }));
}
