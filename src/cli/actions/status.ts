/** lynx status [NN] [--all]: argv → the status use case → present. Never loads ink or yaml when lynx.yaml is cached. */
import { status, statusAndNext } from '../../app/status.js';
import type { Outcome } from '../../core/exit-codes.js';
import { parsePhase } from '../../core/ids.js';
import type { Ctx } from '../context.js';
import { present } from '../present.js';

export async function statusCommand(ctx: Ctx, all: boolean, phaseArg: string | undefined): Promise<Outcome> {
  const phase = phaseArg === undefined ? undefined : parsePhase(phaseArg);
  // one phase across the class (issue 17): a row per learner, not 42 rows each
  if (phase !== undefined && all)
    return present(
      ctx,
      'status-phase',
      await (await import('../../app/phase-class.js')).phaseAcrossClass({ cwd: ctx.cwd, phase }),
    );
  // the overview ends with what to do now (`lynx next` has the full list), from the same reads
  if (ctx.json || all || phase !== undefined)
    return present(ctx, 'status', await status({ cwd: ctx.cwd, learner: ctx.learner, all, phase }));
  const { report, next } = await statusAndNext({ cwd: ctx.cwd, learner: ctx.learner });
  const outcome = await present(ctx, 'status', report);
  const [first, { theme }] = await Promise.all([next(), import('../../ui/theme.js')]);
  const t = theme();
  if (first)
    ctx.out(`\n${t.ok('next:')} ${first.command ? `${t.bold(first.command)}${t.dim(`  — ${first.why}`)}` : first.why}`);
  return outcome;
}
