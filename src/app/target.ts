/** What every phase use case shares: open the workspace, pick learner and phase, run the gate. */
import type { Workspace } from '../io/workspace.js';
import { openWorkspace, resolveLearner } from '../io/workspace.js';
import { loadPhase, phaseIndex } from '../io/curriculum.js';
import { learnerExists, readCheckpoint } from '../io/checkpoint.js';
import { buildContext, type ContextOptions } from '../io/check-context.js';
import { interruptGuard } from '../io/interrupt.js';
import { gateStatus, runGate, type GateOptions } from '../core/gate.js';
import type { CheckResult } from '../core/checks/types.js';
import { lynxVersion } from '../io/pkg.js';
import { nn, parsePhase } from '../core/ids.js';
import { UsageError } from '../core/errors.js';
import type { GateResult, Phase } from '../schemas/generated/types.js';
import type { CheckContext } from '../core/checks/types.js';

export interface Target {
  ws: Workspace;
  learner: string;
  phase: Phase;
}

/**
 * The learner's workspace, who they are, and the phase, checked before anything is written.
 * `phase` is the argv text (`7`, `07`) or a parsed number; none = the phase in progress (or planned).
 * `requireFolder`: the commands that write into learners/<name>/ refuse a learner without one.
 */
export async function openTarget(
  cwd: string,
  learnerFlag: string | undefined,
  phaseArg: string | number | undefined,
  opts: { requireFolder?: boolean } = {},
): Promise<Target> {
  const ws = await openWorkspace(cwd);
  const learner = resolveLearner(ws, learnerFlag);
  if (opts.requireFolder && !learnerExists(ws, learner))
    throw new UsageError(`learner ${learner} has no folder learners/${learner}/`, {
      hint: `Run \`lynx init --learner ${learner}\` first.`,
    });
  let id: number;
  if (typeof phaseArg === 'number') id = phaseArg;
  else if (phaseArg !== undefined) id = parsePhase(phaseArg);
  else {
    // no NN: the phase in progress (or planned), as the curriculum's /phase-checkpoint assumes one
    const index = await phaseIndex(ws);
    const open = index
      .map((p) => ({ p, cp: readCheckpoint(ws, learner, p.id) }))
      .find(({ cp }) => cp?.status === 'in_progress' || cp?.status === 'planned');
    if (!open)
      throw new UsageError(
        'no phase is in progress for this learner; give the phase number (e.g. `lynx checkpoint 07`)',
      );
    id = open.p.id;
  }
  return { ws, learner, phase: await loadPhase(ws, id) };
}

/**
 * Run the phase's gate. Ctrl-C stops the whole run: the running command's tree is killed, queued
 * ones never start, and Interrupted (exit 130) is thrown before the caller can write anything.
 */
export async function gateResult(
  t: Target,
  ctxOpts: ContextOptions,
  gateOpts: GateOptions,
  extra: (ctx: CheckContext) => Promise<CheckResult[]> = () => Promise.resolve([]),
): Promise<{ result: GateResult; ctx: CheckContext }> {
  const started = new Date().toISOString();
  const guard = interruptGuard();
  let ctx: CheckContext;
  let checks: CheckResult[];
  try {
    const built = await buildContext(t.ws, t.learner, t.phase, { ...ctxOpts, stopped: guard.stopped });
    ctx = {
      ...built,
      run: async (spec) => {
        const r = await built.run(spec);
        if (r.interrupted) guard.note();
        return r;
      },
    };
    const pre = await extra(ctx);
    const run = await runGate(ctx, gateOpts);
    checks = [...pre, ...run.checks];
    built.flush();
  } finally {
    guard.close(`the gate of phase ${nn(t.phase.id)}`);
  }
  return {
    ctx,
    result: {
      schema_version: 1,
      lynx_version: lynxVersion(),
      phase: t.phase.id,
      learner: t.learner,
      started_at: started,
      finished_at: new Date().toISOString(),
      head_sha: await ctx.git.headSha(),
      status: gateStatus(checks, ctx.mode),
      checks: checks,
    },
  };
}

export const phaseLabel = (p: Phase): string => `phase ${nn(p.id)} — ${p.title}`;
