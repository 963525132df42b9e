/** lynx gate NN|--all [--junit FILE]: argv → the gate use case → present (text or JSON, JUnit, GitHub). */
import { gate } from '../../app/gate.js';
import { UsageError } from '../../core/errors.js';
import type { Outcome } from '../../core/exit-codes.js';
import type { Ctx } from '../context.js';
import { present } from '../present.js';
import { parseJobs } from '../jobs.js';

export async function gateCommand(ctx: Ctx, o: { all?: boolean; allLearners?: boolean; junit?: string; changedSince?: string; jobs?: string; strict?: boolean }, phase: string | undefined): Promise<Outcome> {
  if ([phase !== undefined, o.all === true, o.changedSince !== undefined].filter(Boolean).length > 1) throw new UsageError('give one of a phase, --all or --changed-since REF');
  if (o.allLearners) {
    // every learner is the point: a --learner beside it is a contradiction, not a filter (LYNX_LEARNER, set for one learner's shell, is ignored)
    if (ctx.learner !== undefined) throw new UsageError('give either --learner or --all-learners, not both');
    const { gateClass } = await import('../../app/gate.js');
    const run = await gateClass({ cwd: ctx.cwd, phase, all: o.all === true, changedSince: o.changedSince, jobs: parseJobs(o.jobs), strict: o.strict === true });
    return present(ctx, 'gate', { ...run, all: true, ...(o.changedSince !== undefined ? { changedSince: o.changedSince } : {}) }, { junit: o.junit });
  }
  const results = await gate({ cwd: ctx.cwd, learner: ctx.learner, phase, all: o.all === true, changedSince: o.changedSince, jobs: parseJobs(o.jobs), strict: o.strict === true });
  return present(ctx, 'gate', { results, all: o.all === true || o.changedSince !== undefined, ...(o.changedSince !== undefined ? { changedSince: o.changedSince } : {}) }, { junit: o.junit });
}
