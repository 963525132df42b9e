/** lynx report NN: argv → the report use case (live command progress, like lab --run) → present. */
import { report } from '../../app/report.js';
import type { Outcome } from '../../core/exit-codes.js';
import type { Ctx } from '../context.js';
import { present } from '../present.js';
import { parseJobs } from '../jobs.js';

export async function reportCommand(ctx: Ctx, o: { draft?: boolean; jobs?: string }, phase: string): Promise<Outcome> {
  if (o.draft) {
    const { reportDraft } = await import('../../app/report-draft.js');
    return present(ctx, 'report-draft', await reportDraft({ cwd: ctx.cwd, learner: ctx.learner, phase }));
  }
  const live = await (
    await import('../../ui/check-progress.js')
  ).progressFor(ctx.isTTY && !ctx.json, `lynx report ${phase}: the full gate`);
  let result;
  try {
    result = await report({
      cwd: ctx.cwd,
      learner: ctx.learner,
      phase,
      jobs: parseJobs(o.jobs),
      progress: live.progress,
    });
  } finally {
    await live.close();
  }
  return present(ctx, 'report', result);
}
