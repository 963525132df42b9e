/** What every break step starts from: the workspace, the learner, the phase and its break, paths. */
import { join } from 'node:path';
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

export interface SessionOpts { cwd: string; learner?: string | undefined }

export async function openSession(opts: SessionOpts, phaseId: number, breakId: string | undefined): Promise<Session> {
  const ws = await openWorkspace(opts.cwd);
  const learner = resolveLearner(ws, opts.learner);
  const phase = await loadPhase(ws, phaseId);
  const brk = pickBreak(phase, breakId);
  const vars = { learner, docs: join(ws.config.docs ?? 'docs', docsDir(phase).replace(/^docs\//, '')), nn: nn(phase.id) };
  const expand = (p: string): string => expandPath(p, vars);
  return { ws, learner, phase, brk, expand, predictions: expand(predictionsRel(phase.id, brk)) };
}

export function breakState(ws: Workspace, learner: string, phase: number): BreakState | undefined {
  return readCheckpoint(ws, learner, phase)?.break;
}

/** Read-modify-write the checkpoint's `break` (the caller holds the workspace lock). */
export async function updateBreak(ws: Workspace, learner: string, phase: number, fn: (b: BreakState | undefined) => BreakState): Promise<BreakState> {
  const cp = readCheckpoint(ws, learner, phase) ?? newCheckpoint(learner, phase);
  const next = fn(cp.break);
  await saveCheckpoint(ws, { ...cp, break: next });
  return next;
}

type Compact<T> = { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & { [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined> };

/** Drop keys whose value is undefined (exactOptionalPropertyTypes: absent, not undefined). */
export function compact<T extends object>(o: T): Compact<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Compact<T>;
}

export const now = (): string => new Date().toISOString();
export const breakCmd = (s: { phase: Phase }, step = ''): string => `lynx break ${nn(s.phase.id)}${step ? ` ${step}` : ''}`;
