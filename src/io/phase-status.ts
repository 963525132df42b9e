/** Every phase's status for one learner, from the curriculum index and the checkpoints. */
import { readCheckpoint } from './checkpoint.js';
import { phaseIndex } from './curriculum.js';
import type { PhaseRef } from '../core/phase-start.js';
import type { Workspace } from './workspace.js';

export async function listPhaseStatus(ws: Workspace, learner: string): Promise<PhaseRef[]> {
  return (await phaseIndex(ws)).map((p) => ({
    phase: p.id,
    title: p.title,
    status: readCheckpoint(ws, learner, p.id)?.status ?? 'not_started',
  }));
}
