/** lynx report NN: argv → the report use case (progress on stderr as commands run) → present. */
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
  const th = (await import('../../ui/theme.js')).theme();
  const onCommand = (label: string, s: 'start' | 'end'): void => { if (s === 'start') ctx.err(th.dim(`  running ${label} …`)); };
  return present(ctx, 'report', await report({ cwd: ctx.cwd, learner: ctx.learner, phase, jobs: parseJobs(o.jobs), ...(ctx.json ? {} : { onCommand }) }));
}
