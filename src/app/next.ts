/**
 * `lynx next`: the facts core/next.ts decides from, gathered for one learner — every phase's recorded
 * state, the current phase's labs, plan §7 and break predictions, today's review cards and the dirty
 * tree. Reads only; nothing here writes.
 */
import { readInside } from '../io/fsx.js';
import { existsSync } from 'node:fs';
import { nextActions, type NextPhase, type NextReport } from '../core/next.js';
import { expandPath, nn } from '../core/ids.js';
import { isClosed } from '../core/status.js';
import { openQuestions, planFileName } from '../core/plan-rules.js';
import { docsDir } from '../core/curriculum.js';
import { predictionsRel, predictionsTemplate } from '../core/break/predictions.js';
import type { Checkpoint } from '../schemas/generated/types.js';
import { loadPhase, phaseIndex } from '../io/curriculum.js';
import { listLearners, readCheckpoints } from '../io/checkpoint.js';
import { openWorkspace, resolveLearner, type Workspace } from '../io/workspace.js';
import { lynxInvocation } from '../io/pkg.js';
import * as git from '../io/git.js';

/** Reflections count as written once the learner's own words (not headings, prompts or lab lines) pass 40. */
function reflectionsWritten(ws: Workspace, learner: string, phase: number): boolean {
  const text = readInside(ws.root, `learners/${learner}/phase-${nn(phase)}/reflections.md`);
  if (text === undefined) return false;
  const own = text
    .replace(/<!--[\s\S]*?-->/g, '')
    .split('\n')
    .filter((l) => !/^\s*#/.test(l) && !/^\s*- Lab \S+ — [^:]*:\s*$/.test(l))
    .join(' ');
  return own.split(/\s+/).filter((w) => /\w/.test(w)).length >= 40;
}

async function predictionsCommitted(ws: Workspace, learner: string, phaseId: number): Promise<boolean> {
  const phase = await loadPhase(ws, phaseId);
  const brk = phase.breaks[0];
  if (!brk) return false;
  const rel = expandPath(predictionsRel(phase.id, brk), { learner, docs: docsDir(phase), nn: nn(phase.id) });
  const text = readInside(ws.root, rel);
  if (text === undefined || text === predictionsTemplate(phase.id, brk)) return false;
  return git.isCommitted(ws.root, rel);
}

/** `quick` (status's last line, on status's start-up budget): no git process and no plan parse — the dirty tree, the
 * predictions' commit and §7 are `lynx next`'s. */
export async function next(opts: {
  cwd: string;
  learner?: string | undefined;
  env?: NodeJS.ProcessEnv;
  quick?: boolean;
}): Promise<NextReport> {
  const ws = await openWorkspace(opts.cwd);
  const learner = resolveLearner(ws, opts.learner);
  const index = await phaseIndex(ws);
  const read = readCheckpoints(
    ws,
    learner,
    index.map((p) => p.id),
  );
  return nextFor({ ws, learner, index, checkpoints: read }, opts);
}

/**
 * next over a workspace already opened and read: status's last line reuses what status read (the workspace, the
 * phase index, 42 checkpoints, the due count) instead of reading it all again (~8 ms of its budget, issue 20).
 */
export async function nextFor(
  read: {
    ws: Workspace;
    learner: string;
    index: Awaited<ReturnType<typeof phaseIndex>>;
    checkpoints: ReturnType<typeof readCheckpoints>;
    reviewsDue?: number | undefined;
  },
  opts: { learner?: string | undefined; env?: NodeJS.ProcessEnv; quick?: boolean },
): Promise<NextReport> {
  const { ws, learner, index } = read;
  // a checkpoint that cannot be read counts as none here (status and the gate report it)
  const cps = new Map<number, Checkpoint | undefined>();
  for (const [id, cp] of read.checkpoints) if (!(cp instanceof Error)) cps.set(id, cp);
  const current =
    index.find((p) => cps.get(p.id)?.status === 'in_progress') ??
    index.find((p) => cps.get(p.id)?.status === 'planned');
  const phases: NextPhase[] = [];
  for (const p of index) {
    const cp = cps.get(p.id);
    const isCurrent = p.id === current?.id;
    const full = isCurrent ? await loadPhase(ws, p.id) : undefined;
    // quick (status's last line) leaves the plan unparsed: the markdown parser is most of its cost
    const plan = isCurrent && !opts.quick ? readInside(ws.root, planFileName(p.id)) : undefined;
    const st = cp?.status ?? 'not_started';
    phases.push({
      id: p.id,
      title: p.title,
      requires: p.requires,
      status: st,
      labs: (full?.labs ?? []).map((l) => ({
        id: l.id,
        title: l.title,
        last: cp?.labs?.[l.id]?.at(-1)?.outcome ?? null,
      })),
      hasQuiz: p.quiz_file !== null,
      quizPassed: cp?.quiz?.passed === true,
      cooldownUntil: cp?.quiz?.cooldown_until ?? null,
      hasBreak: p.breaks > 0,
      breakState: cp?.break?.state ?? 'none',
      predictionsCommitted:
        !opts.quick && isCurrent && p.breaks > 0 && (cp?.break?.state ?? 'none') === 'none'
          ? await predictionsCommitted(ws, learner, p.id)
          : false,
      openQuestions: plan === undefined ? 0 : (await openQuestions(plan)).length,
      reflectionsWritten: isClosed(st) ? reflectionsWritten(ws, learner, p.id) : false,
    });
  }
  // the review store (and its SM-2 replay) loads only for a learner who has a deck: status's start-up budget
  const due =
    read.reviewsDue ??
    (existsSync(ws.abs(`learners/${learner}/reviews.jsonl`))
      ? (await import('../io/review-store.js')).reviewsDue(ws, learner)
      : 0);
  // the learner is named in printed commands only when lynx could not find it otherwise
  const named = opts.learner !== undefined && ws.config.learner !== opts.learner && listLearners(ws).length > 1;
  const actions = nextActions({
    learner,
    bin: lynxInvocation(opts.env),
    learnerFlag: named ? `--learner ${learner}` : '',
    now: new Date(),
    phases,
    reviewsDue: due,
    dirty: opts.quick ? [] : (await git.dirtyFiles(ws.root)).filter((f) => !f.startsWith('.lynx/')),
  });
  return { schema_version: 1, learner, actions };
}
