/**
 * lynx checkpoint [NN] [--run]: "mid-phase health check — no fixes, status only". Every DoD item,
 * the ritual checks, labs, open questions and time since opening. Static by default (commands
 * pending); --run also runs the command checks. Never changes learner files; exit 0 unless lynx fails.
 */
import { openTarget, gateResult } from './gate-common.js';
import { labsCheck, openQuestionsCheck, sinceOpenedCheck } from '../../core/phase-state.js';
import { planFileName } from '../../core/plan-rules.js';
import { workspaceNotices } from '../../io/notices.js';
import type { GateResult } from '../../schemas/generated/types.js';
import type { Ctx } from '../context.js';

export async function checkpoint(opts: { cwd: string; learner?: string | undefined; phase?: string | undefined; run?: boolean }): Promise<GateResult> {
  const t = await openTarget(opts.cwd, opts.learner, opts.phase);
  const { result } = await gateResult(
    t,
    { mode: opts.run ? 'full' : 'static' },
    { ritual: true, requireClean: true },
    async (ctx) => [
      sinceOpenedCheck(ctx.state.checkpoint, new Date()),
      labsCheck(t.phase, ctx.state.checkpoint),
      await openQuestionsCheck(ctx.fs.read(planFileName(t.phase.id)), planFileName(t.phase.id)),
    ],
  );
  return result;
}

export async function checkpointCommand(ctx: Ctx, o: { run?: boolean }, nn: string | undefined): Promise<number> {
  const r = await checkpoint({ cwd: ctx.cwd, learner: ctx.learner, phase: nn, run: o.run === true });
  if (ctx.json) {
    ctx.out(JSON.stringify(r, null, 2));
    return 0;
  }
  const [{ theme }, { renderGate }, { findRoot }] = await Promise.all([import('../../ui/theme.js'), import('../../ui/gate-view.js'), import('../../io/workspace.js')]);
  const th = theme();
  for (const n of workspaceNotices(findRoot(ctx.cwd))) ctx.out(th.warn(`! ${n}`));
  ctx.out(renderGate(r, th, { heading: `Checkpoint · phase ${String(r.phase).padStart(2, '0')} · learner ${r.learner}${o.run ? '' : ' · static (commands not run; --run runs them)'}` }));
  return 0;
}
