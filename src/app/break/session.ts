/** What every break step starts from: the workspace, the learner, the phase and its break, paths. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isClosed } from '../../core/status.js';
import { writeJsonAtomic } from '../../io/fsx.js';
import { docsDir } from '../../core/curriculum.js';
import { expandPath, nn } from '../../core/ids.js';
import { pickBreak, type BreakState } from '../../core/break/model.js';
import { predictionsRel, type Break } from '../../core/break/predictions.js';
import { newCheckpoint, readCheckpoint } from '../../io/checkpoint.js';
import { saveCheckpoint } from '../progress.js';
import { loadPhase } from '../../io/curriculum.js';
import { openWorkspace, resolveLearner, type Workspace } from '../../io/workspace.js';
import type { Phase } from '../../schemas/generated/types.js';

export interface Session {
  ws: Workspace;
  learner: string;
  phase: Phase;
  brk: Break;
  expand: (p: string) => string;
  predictions: string;
}

export interface SessionOpts {
  cwd: string;
  learner?: string | undefined;
}

export async function openSession(opts: SessionOpts, phaseId: number, breakId: string | undefined): Promise<Session> {
  const ws = await openWorkspace(opts.cwd);
  const learner = resolveLearner(ws, opts.learner);
  const phase = await loadPhase(ws, phaseId);
  const brk = pickBreak(phase, breakId);
  const vars = {
    learner,
    docs: join(ws.config.docs ?? 'docs', docsDir(phase).replace(/^docs\//, '')),
    nn: nn(phase.id),
  };
  const expand = (p: string): string => expandPath(p, vars);
  return { ws, learner, phase, brk, expand, predictions: expand(predictionsRel(phase.id, brk)) };
}

/**
 * Closed means closed (issue 15): on a closed phase a break re-run is practice, recorded apart in
 * lynx's private state (.lynx/practice/<learner>/phase-NN-break.json), never in the checkpoint the
 * phase closed with — re-running `break 00 start/restore` used to turn `restored` back into
 * `predicted`, erase the diagnosis and fail the closed phase's gate.
 */
export const practiceFile = (learner: string, phase: number): string =>
  `.lynx/practice/${learner}/phase-${nn(phase)}-break.json`;

function practiceState(ws: Workspace, learner: string, phase: number): BreakState | undefined {
  try {
    return (JSON.parse(readFileSync(ws.abs(practiceFile(learner, phase)), 'utf8')) as { break?: BreakState }).break;
  } catch {
    return undefined;
  }
}

export function breakState(ws: Workspace, learner: string, phase: number): BreakState | undefined {
  const cp = readCheckpoint(ws, learner, phase);
  return cp && isClosed(cp.status) ? (practiceState(ws, learner, phase) ?? cp.break) : cp?.break;
}

/** Read-modify-write the checkpoint's `break` (the caller holds the workspace lock); the practice record on a closed
 * phase. */
export async function updateBreak(
  ws: Workspace,
  learner: string,
  phase: number,
  fn: (b: BreakState | undefined) => BreakState,
): Promise<BreakState> {
  const cp = readCheckpoint(ws, learner, phase) ?? newCheckpoint(learner, phase);
  if (isClosed(cp.status)) {
    const next = fn(practiceState(ws, learner, phase) ?? cp.break);
    await writeJsonAtomic(ws.abs(practiceFile(learner, phase)), { v: 1, practice: true, phase, learner, break: next });
    return next;
  }
  const next = fn(cp.break);
  await saveCheckpoint(ws, { ...cp, break: next });
  return next;
}

type Compact<T> = { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & {
  [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined>;
};

/** Drop keys whose value is undefined (exactOptionalPropertyTypes: absent, not undefined). */
export function compact<T extends object>(o: T): Compact<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Compact<T>;
}

export const now = (): string => new Date().toISOString();
export const breakCmd = (s: { phase: Phase }, step = ''): string =>
  `lynx break ${nn(s.phase.id)}${step ? ` ${step}` : ''}`;
