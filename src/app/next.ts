/**
 * lynx next: gathers the facts core/next.ts decides on — checkpoints, lab runs, quiz cooldown, break
 * state (with committed predictions), reviews due, the plan's §7 open questions, a dirty tree — for one
 * learner. Only the phase in progress (or planned) is loaded in full: the others need only their
 * status, so `lynx next` stays as quick as `lynx status`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { nextActions, type NextPhase } from '../core/next.js';
import type { NextResult } from '../core/exit-codes.js';
import { buildStatus } from '../core/status.js';
import { openQuestions, planFileName } from '../core/plan-rules.js';
import { markdownWritten, predictionsRel, predictionsTemplate, isYamlEntry } from '../core/break/predictions.js';
import { nn } from '../core/ids.js';
import { loadPhase, phaseIndex } from '../io/curriculum.js';
import { readCheckpoint } from '../io/checkpoint.js';
import { openWorkspace, resolveLearner, type Workspace } from '../io/workspace.js';
import * as git from '../io/git.js';
import { onPath } from '../io/tools.js';
import type { Checkpoint, Phase } from '../schemas/generated/types.js';

export type { NextResult };

/** `lynx` when a `lynx` is on PATH, else `npx lynx` (the form that works from a project's node_modules). */
export const lynxBin = (): string => (onPath('lynx') ? 'lynx' : 'npx lynx');

async function predictionsCommitted(ws: Workspace, learner: string, phase: Phase): Promise<boolean> {
  const b = phase.breaks[0];
  if (!b) return false;
  const rel = predictionsRel(phase.id, b).replace('{learner}', learner);
  if (!existsSync(ws.abs(rel))) return false;
  // yaml-entry predictions are validated by `lynx break NN start`; here committed is enough
  if (!isYamlEntry(b) && !markdownWritten(readFileSync(ws.abs(rel), 'utf8'), predictionsTemplate(phase.id, b)).ok) return false;
  return git.isCommitted(ws.root, rel);
}

/** phase-start scaffolds reflections.md with prompts only: written = some text of the learner's own. */
function reflectionsWritten(ws: Workspace, rel: string): boolean {
  if (!existsSync(ws.abs(rel))) return false;
  const text = readFileSync(ws.abs(rel), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
  return text.split('\n').some((l) => { const t = l.trim(); return t !== '' && !t.startsWith('#') && !/^- Lab [^:]*:$/.test(t); });
}

async function detail(ws: Workspace, learner: string, id: number, cp: Checkpoint | undefined, base: NextPhase): Promise<NextPhase> {
  const p = await loadPhase(ws, id);
  const last = (lab: string): NextPhase['labs'][number]['last'] => cp?.labs?.[lab]?.at(-1)?.outcome ?? null;
  const plan = ws.abs(planFileName(id));
  return {
    ...base,
    labs: p.labs.map((l) => ({ id: l.id, title: l.title, last: last(l.id) })),
    hasBreak: p.breaks.length > 0,
    predictionsCommitted: await predictionsCommitted(ws, learner, p),
    openQuestions: base.status === 'in_progress' && existsSync(plan) ? (await openQuestions(readFileSync(plan, 'utf8'))).length : 0,
  };
}

export async function next(opts: { cwd: string; learner?: string | undefined; now?: Date }): Promise<NextResult> {
  const ws = await openWorkspace(opts.cwd);
  const learner = resolveLearner(ws, opts.learner);
  const index = await phaseIndex(ws);
  const cps = new Map<number, Checkpoint | Error>();
  for (const p of index) {
    try {
      const cp = readCheckpoint(ws, learner, p.id);
      if (cp) cps.set(p.id, cp);
    } catch (err) { cps.set(p.id, err as Error); }
  }
  const st = buildStatus(learner, index, cps);
  const phases: NextPhase[] = [];
  for (const s of index) {
    const got = cps.get(s.id);
    const cp = got instanceof Error ? undefined : got;
    const status = st.rows.find((r) => r.phase === s.id)?.status ?? 'not_started';
    const base: NextPhase = {
      id: s.id, title: s.title, requires: s.requires, status, labs: [],
      hasQuiz: s.quiz_file !== null, quizPassed: cp?.quiz?.passed === true, cooldownUntil: cp?.quiz?.cooldown_until ?? null,
      hasBreak: s.breaks > 0, breakState: cp?.break?.state ?? 'none', predictionsCommitted: false, openQuestions: 0,
      reflectionsWritten: reflectionsWritten(ws, `learners/${learner}/phase-${nn(s.id)}/reflections.md`),
    };
    phases.push(status === 'in_progress' || status === 'planned' ? await detail(ws, learner, s.id, cp, base) : base);
  }
  const { reviewsDue } = await import('../io/review-store.js');
  const dirty = await git.dirtyFiles(ws.root).catch(() => []);
  const actions = nextActions({
    bin: lynxBin(), learnerFlag: opts.learner ? `--learner ${opts.learner}` : '', now: opts.now ?? new Date(),
    phases, reviewsDue: reviewsDue(ws, learner), dirty,
  });
  return { schema_version: 1, learner, actions };
}
