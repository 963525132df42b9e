/** The read-only views of a phase the MCP server adds: its DoD items and its plan's state. */
import { readInside } from '../io/fsx.js';
import { layoutOf } from '../io/workspace.js';
import { openQuestions, planState } from '../core/plan-rules.js';
import { parsePhase } from '../core/ids.js';
import { readCheckpoint } from '../io/checkpoint.js';
import { openPhase } from './use-cases.js';

export interface PhaseDod {
  phase: number;
  title: string;
  learner: string;
  items: { id: string; text: string; kind: string; source?: string; note?: string }[];
}
export interface PhasePlan {
  phase: number;
  learner: string;
  path: string;
  exists: boolean;
  status: string;
  state: string;
  text?: string;
  open_questions: string[];
}

export async function phaseDod(opts: { cwd: string; learner?: string | undefined; phase: string }): Promise<PhaseDod> {
  const { learner, phase } = await openPhase(opts.cwd, opts.learner, parsePhase(opts.phase));
  return {
    phase: phase.id,
    title: phase.title,
    learner,
    items: phase.dod.map((d) => ({
      id: d.id,
      text: d.text,
      kind: d.check.kind,
      ...(d.source ? { source: d.source } : {}),
      ...(d.note ? { note: d.note } : {}),
    })),
  };
}

export async function phasePlan(opts: {
  cwd: string;
  learner?: string | undefined;
  phase: string;
}): Promise<PhasePlan> {
  const { ws, learner, phase } = await openPhase(opts.cwd, opts.learner, parsePhase(opts.phase));
  const path = layoutOf(ws, learner).plan(phase.id);
  const cp = readCheckpoint(ws, learner, phase.id);
  const text = readInside(ws.root, path);
  const base = { phase: phase.id, learner, path, status: cp?.status ?? 'not_started' };
  if (text === undefined) return { ...base, exists: false, state: 'missing', open_questions: [] };
  return {
    ...base,
    exists: true,
    state: planState(text, cp ?? {}).state,
    text,
    open_questions: await openQuestions(text),
  };
}
