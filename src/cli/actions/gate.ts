/** lynx gate NN|--all [--junit FILE]: argv → the gate use case (command checks shown as they run) → present (text or
 * JSON, JUnit, GitHub). */
import { gate, gateClass } from '../../app/gate.js';
import { UsageError } from '../../core/errors.js';
import type { Outcome } from '../../core/exit-codes.js';
import type { Ctx } from '../context.js';
import { present } from '../present.js';
import { parseJobs } from '../jobs.js';

export async function gateCommand(
  ctx: Ctx,
  o: { all?: boolean; allLearners?: boolean; junit?: string; changedSince?: string; jobs?: string; strict?: boolean },
  phase: string | undefined,
): Promise<Outcome> {
  if ([phase !== undefined, o.all === true, o.changedSince !== undefined].filter(Boolean).length > 1)
    throw new UsageError('give one of a phase, --all or --changed-since REF');
  // every learner is the point: a --learner beside it is a contradiction, not a filter (LYNX_LEARNER, set for one
  // learner's shell, is ignored)
  if (o.allLearners && ctx.learner !== undefined)
    throw new UsageError('give either --learner or --all-learners, not both');
  const live = await (
    await import('../../ui/check-progress.js')
  ).progressFor(ctx.isTTY && !ctx.json, 'lynx gate: every check re-run');
  const opts = {
    cwd: ctx.cwd,
    phase,
    all: o.all === true,
    changedSince: o.changedSince,
    jobs: parseJobs(o.jobs),
    strict: o.strict === true,
    progress: live.progress,
  };
  let run;
  try {
    run = o.allLearners ? await gateClass(opts) : { results: await gate({ ...opts, learner: ctx.learner }) };
  } finally {
    await live.close();
  }
  return present(
    ctx,
    'gate',
    {
      ...run,
      all: o.allLearners === true || o.all === true || o.changedSince !== undefined,
      ...(o.changedSince !== undefined ? { changedSince: o.changedSince } : {}),
    },
    { junit: o.junit },
  );
}
