/**
 * The one place a phase's state is saved (issue 17): checkpoint.json, then the learner's progress.md
 * re-rendered from every checkpoint. Every command that changes a phase's state — phase-start,
 * approve, lab --run, lab --peeked, quiz, break, attest, waive, report — saves through here, so the
 * view cannot lag behind the state (it used to be rendered only by init and report).
 * tests/unit/architecture.test.ts keeps writeCheckpoint from being called anywhere else.
 */
import { buildStatus } from '../core/status.js';
import { renderProgress } from '../core/progress.js';
import { phaseIndex } from '../io/curriculum.js';
import { readCheckpoint, writeCheckpoint } from '../io/checkpoint.js';
import { writeAtomic } from '../io/fsx.js';
import type { Workspace } from '../io/workspace.js';
import type { Checkpoint } from '../schemas/generated/types.js';

export const progressPath = (learner: string): string => `learners/${learner}/progress.md`;

/** Render learners/<name>/progress.md from the checkpoints as they are now (an invalid one shows as invalid). */
export async function renderLearnerProgress(ws: Workspace, learner: string, fresh?: Checkpoint): Promise<string> {
  const index = await phaseIndex(ws);
  const cps = new Map<number, Checkpoint | Error>();
  for (const p of index) {
    if (fresh?.phase === p.id) {
      cps.set(p.id, fresh);
      continue;
    }
    try {
      const c = readCheckpoint(ws, learner, p.id);
      if (c) cps.set(p.id, c);
    } catch (err) {
      cps.set(p.id, err as Error);
    }
  }
  const rel = progressPath(learner);
  await writeAtomic(ws.abs(rel), renderProgress(buildStatus(learner, index, cps)));
  return rel;
}

/** Save a checkpoint (atomically) and re-render its learner's progress.md. Call under the workspace lock. */
export async function saveCheckpoint(ws: Workspace, cp: Checkpoint): Promise<void> {
  await writeCheckpoint(ws, cp);
  await renderLearnerProgress(ws, cp.learner, cp);
}
