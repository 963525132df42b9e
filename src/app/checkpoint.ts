/**
 * lynx checkpoint [NN] [--run]: "mid-phase health check — no fixes, status only". Every DoD item,
 * the ritual checks, labs, open questions and time since opening. Static by default (commands
 * pending); --run also runs the command checks. Never changes learner files; exit 0 unless lynx fails.
 */
import { openTarget, gateResult } from './target.js';
import { labsCheck, openQuestionsCheck, sinceOpenedCheck } from '../core/phase-state.js';
import { planFileName } from '../core/plan-rules.js';
import { layoutOf } from '../io/workspace.js';
import type { CommandProgress } from '../io/check-context.js';
import type { GateResult } from '../schemas/generated/types.js';

export async function checkpoint(opts: {
  cwd: string;
  learner?: string | undefined;
  phase?: string | undefined;
  run?: boolean;
  jobs?: number | undefined;
  progress?: CommandProgress | undefined;
}): Promise<GateResult> {
  const t = await openTarget(opts.cwd, opts.learner, opts.phase);
  const { result } = await gateResult(
    t,
    {
      mode: opts.run ? 'full' : 'static',
      memo: true, // a health check, not the gate: it may trust lynx's own memo of what it verified before
      ...(opts.jobs !== undefined ? { jobs: opts.jobs } : {}),
      ...(opts.progress ? { progress: opts.progress } : {}),
    },
    { ritual: true, requireClean: true },
    async (ctx) => [
      sinceOpenedCheck(ctx.state.checkpoint, new Date()),
      labsCheck(t.phase, ctx.state.checkpoint),
      await openQuestionsCheck(ctx.fs.read(planFileName(t.phase.id)), layoutOf(t.ws, t.learner).plan(t.phase.id)),
    ],
  );
  return result;
}
