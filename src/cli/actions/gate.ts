/** lynx gate NN|--all [--junit FILE]: argv → the gate use case → present (text or JSON, JUnit, GitHub). */
import { gate } from '../../app/gate.js';
import { UsageError } from '../../core/errors.js';
import type { Outcome } from '../../core/exit-codes.js';
import type { Ctx } from '../context.js';
import { present } from '../present.js';

export async function gateCommand(ctx: Ctx, o: { all?: boolean; junit?: string }, phase: string | undefined): Promise<Outcome> {
  if (phase !== undefined && o.all) throw new UsageError('give either a phase or --all, not both');
  const results = await gate({ cwd: ctx.cwd, learner: ctx.learner, phase, all: o.all === true });
  return present(ctx, 'gate', { results, all: o.all === true }, { junit: o.junit });
}
