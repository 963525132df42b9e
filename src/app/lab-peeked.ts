/**
 * `lynx lab NN ID --peeked`: the learner says they read a lab's solutions before attempting it. The
 * curriculum's honesty flag `dod.lab_attempted_before_solutions` becomes false (the gate and the
 * report show it as a warning, never a silent ✓), and the lab is named beside it.
 */
import { openTarget } from './target.js';
import { findLab } from './lab.js';
import { readCheckpoint, newCheckpoint } from '../io/checkpoint.js';
import { saveCheckpoint } from './progress.js';
import { withLock } from '../io/lock.js';
import { nn } from '../core/ids.js';

import type { PeekedResult } from '../core/results.js';

export const peekedFlag = (lab: string): string => `lab_${lab}_attempted_before_solutions`;

export async function recordPeeked(opts: {
  cwd: string;
  learner?: string | undefined;
  phase: string;
  lab: string;
}): Promise<PeekedResult> {
  const t = await openTarget(opts.cwd, opts.learner, opts.phase);
  const lab = findLab(t.phase, opts.lab);
  await withLock(t.ws.root, `lynx lab ${nn(t.phase.id)} ${lab.id} --peeked`, async () => {
    const cp = readCheckpoint(t.ws, t.learner, t.phase.id) ?? newCheckpoint(t.learner, t.phase.id);
    cp.dod = { ...(cp.dod ?? {}), lab_attempted_before_solutions: false, [peekedFlag(lab.id)]: false };
    await saveCheckpoint(t.ws, cp);
  });
  return {
    phase: t.phase.id,
    lab: lab.id,
    learner: t.learner,
    checkpoint: `learners/${t.learner}/phase-${nn(t.phase.id)}/checkpoint.json`,
  };
}
