/** lynx checkpoint [NN] [--run]: argv → the checkpoint use case (--run: live command progress) → present. Status only:
 * exit 0 unless lynx fails. */
import { checkpoint } from '../../app/checkpoint.js';
import type { Outcome } from '../../core/exit-codes.js';
import { workspaceNotices } from '../../io/notices.js';
import { findRoot } from '../../io/workspace.js';
import type { Ctx } from '../context.js';
import { present } from '../present.js';
import { parseJobs } from '../jobs.js';

export async function checkpointCommand(
  ctx: Ctx,
  o: { run?: boolean; jobs?: string },
  nn: string | undefined,
): Promise<Outcome> {
  const live =
    o.run === true
      ? await (
          await import('../../ui/check-progress.js')
        ).progressFor(ctx.isTTY && !ctx.json, 'lynx checkpoint --run: the command checks')
      : undefined;
  let gate;
  try {
    gate = await checkpoint({
      cwd: ctx.cwd,
      learner: ctx.learner,
      phase: nn,
      run: o.run === true,
      jobs: parseJobs(o.jobs),
      progress: live?.progress,
    });
  } finally {
    await live?.close();
  }
  const notices = ctx.json ? [] : workspaceNotices(findRoot(ctx.cwd));
  return present(ctx, 'checkpoint', { gate, notices, run: o.run === true });
}
