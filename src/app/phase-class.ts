/** lynx status NN --all: one phase across every learner of the workspace (issue 17). */
import { phaseClassRow, type PhaseClassReport } from '../core/phase-class.js';
import { listLearners, readCheckpoint } from '../io/checkpoint.js';
import { loadPhase } from '../io/curriculum.js';
import { openWorkspace } from '../io/workspace.js';
import type { Checkpoint } from '../schemas/generated/types.js';

export async function phaseAcrossClass(opts: { cwd: string; phase: number }): Promise<PhaseClassReport> {
  const ws = await openWorkspace(opts.cwd);
  const phase = await loadPhase(ws, opts.phase);
  const labIds = phase.labs.map((l) => l.id);
  // one checkpoint read per learner: 30 learners cost 30 small reads, not 30 × 42
  const learners = listLearners(ws).map((learner) => {
    let cp: Checkpoint | Error | undefined;
    try {
      cp = readCheckpoint(ws, learner, phase.id);
    } catch (err) {
      cp = err as Error;
    }
    return phaseClassRow(learner, labIds, cp);
  });
  return {
    schema_version: 1,
    phase: { id: phase.id, title: phase.title, labs: labIds.length, threshold: phase.quiz.threshold },
    learners,
  };
}
