/**
 * lynx phase-start NN --approve: record the learner's approval of PHASE_NN_PLAN.md — when, and the
 * sha256 of the plan's exact text — and move the phase to `in_progress`. From then on a change to
 * the plan needs a §8 Revisions log entry (the gate compares the hash).
 */
import { readInside } from '../io/fsx.js';
import { layoutOf } from '../io/workspace.js';
import { UsageError } from '../core/errors.js';
import { nn } from '../core/ids.js';
import { sha256 } from '../core/attempts.js';
import { openQuestions, planState } from '../core/plan.js';
import type { ApproveResult } from '../core/phase-results.js';
import { isClosed } from '../core/status.js';
import { readCheckpoint } from '../io/checkpoint.js';
import { saveCheckpoint } from './progress.js';
import { withLock } from '../io/lock.js';
import { now } from '../io/clock.js';
import { openTarget } from './target.js';

export async function phaseApprove(opts: {
  cwd: string;
  learner?: string | undefined;
  phase: number;
}): Promise<ApproveResult> {
  const { ws, learner, phase } = await openTarget(opts.cwd, opts.learner, opts.phase, { requireFolder: true });
  const n = nn(phase.id);
  return withLock(ws.root, `lynx phase-start ${n} --approve`, async () => {
    const cp = readCheckpoint(ws, learner, phase.id);
    if (!cp || cp.status === 'not_started')
      throw new UsageError(`phase ${n} has no plan to approve yet`, {
        hint: `Run \`lynx phase-start ${n}\`, read and edit PHASE_${n}_PLAN.md, then approve it.`,
      });
    if (isClosed(cp.status))
      throw new UsageError(`phase ${n} is already closed (${cp.status}); there is nothing to approve`);
    const planPath = layoutOf(ws, learner).plan(phase.id);
    const text = readInside(ws.root, planPath);
    if (text === undefined)
      throw new UsageError(`${planPath} is missing`, {
        hint: `\`lynx phase-start ${n}\` writes it again from the template.`,
      });
    const base = {
      schema_version: 1 as const,
      phase: phase.id,
      title: phase.title,
      learner,
      status: 'in_progress' as const,
      open_questions: await openQuestions(text),
    };
    if (cp.status === 'in_progress' && cp.approved_at && cp.plan_sha256) {
      // Approval is recorded once: re-approving would let an unlogged edit through.
      const st = planState(text, cp);
      return {
        ...base,
        approved_now: false,
        approved_at: cp.approved_at,
        plan: {
          path: planPath,
          sha256: cp.plan_sha256,
          state: st.state,
          ...(st.state === 'revised' ? { revisions: st.entries } : {}),
        },
      };
    }
    const at = now().toISOString();
    const hash = sha256(text);
    await saveCheckpoint(ws, { ...cp, status: 'in_progress', approved_at: at, plan_sha256: hash });
    return { ...base, approved_now: true, approved_at: at, plan: { path: planPath, sha256: hash, state: 'unchanged' } };
  });
}
