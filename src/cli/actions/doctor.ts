/** lynx doctor: argv → the doctor use case → present. */
import { doctor } from '../../app/doctor.js';
import type { Outcome } from '../../core/exit-codes.js';
import type { Ctx } from '../context.js';
import { present } from '../present.js';

export async function doctorCommand(ctx: Ctx, phase: string | undefined): Promise<Outcome> {
  return present(ctx, 'doctor', await doctor({ cwd: ctx.cwd, learner: ctx.learner, phase }));
}
