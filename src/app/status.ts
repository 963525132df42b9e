/** lynx status: every phase's status for one learner (or all), plain or --json. Never loads ink or yaml when lynx.yaml
 * is cached. */
import { lstatSync } from 'node:fs';
import { buildStatus, type LearnerStatus } from '../core/status.js';
import { phaseIndex } from '../io/curriculum.js';
import { readCheckpoints, listLearners } from '../io/checkpoint.js';
import { openWorkspace, resolveLearner } from '../io/workspace.js';
import { workspaceNotices } from '../io/notices.js';
import { lynxVersion } from '../io/pkg.js';
import { UsageError } from '../core/errors.js';
import type { StatusReport } from '../schemas/generated/types.js';
import type { NextAction } from '../core/next.js';
import { loadPhase } from '../io/curriculum.js';
import { nn } from '../core/ids.js';
import type { Workspace } from '../io/workspace.js';

async function phaseDetail(
  ws: Workspace,
  id: number,
  st: LearnerStatus | undefined,
): Promise<NonNullable<StatusReport['phase']>> {
  const p = await loadPhase(ws, id);
  const row = st?.rows.find((r) => r.phase === id);
  return {
    id: p.id,
    slug: p.slug,
    title: p.title,
    goal: p.goal,
    status: row?.status ?? 'not_started',
    requires: p.requires.map((r) => ({
      phase: r,
      title: st?.rows.find((x) => x.phase === r)?.title ?? '',
      status: st?.rows.find((x) => x.phase === r)?.status ?? 'not_started',
    })),
    dod: p.dod.map((d) => ({ id: d.id, text: d.text, kind: d.check.kind })),
    labs: p.labs.map((l) => ({
      id: l.id,
      title: l.title,
      file: l.file,
      ...(l.estimated_time ? { estimated_time: l.estimated_time } : {}),
    })),
    breaks: p.breaks.map((b) => ({ id: b.id, title: b.title })),
    quiz: { ...(p.quiz.file ? { file: p.quiz.file } : {}), threshold: p.quiz.threshold },
  };
}

/** Review cards due today; the review store loads only for a learner who has a deck. */
async function dueReviews(ws: Workspace, learner: string): Promise<{ reviews_due?: number }> {
  // lstat: a dangling or looping symlink where the log should be is bad input, not "no deck"
  try {
    lstatSync(ws.abs(`learners/${learner}/reviews.jsonl`));
  } catch {
    return {};
  }
  const { reviewsDue } = await import('../io/review-store.js');
  return { reviews_due: reviewsDue(ws, learner) };
}

interface StatusOptions {
  cwd: string;
  learner?: string | undefined;
  all?: boolean;
  phase?: number | undefined;
}

export async function status(opts: StatusOptions): Promise<StatusReport> {
  return (await statusRead(opts)).report;
}

/**
 * status, and how to ask for the first thing to do now from the same reads (the overview's last line): asked after
 * the report is shown, as before, so a failure there never hides the report.
 */
export async function statusAndNext(
  opts: StatusOptions,
): Promise<{ report: StatusReport; next: () => Promise<NextAction | undefined> }> {
  const { report, ws, index, checkpoints } = await statusRead(opts);
  const [first] = report.learners;
  const next = async (): Promise<NextAction | undefined> => {
    if (!first || !checkpoints) return undefined;
    const { nextFor } = await import('./next.js');
    const read = { ws, learner: first.learner, index, checkpoints, reviewsDue: first.reviews_due ?? 0 };
    return (await nextFor(read, { learner: opts.learner, quick: true })).actions[0];
  };
  return { report, next };
}

async function statusRead(opts: StatusOptions): Promise<{
  report: StatusReport;
  ws: Workspace;
  index: Awaited<ReturnType<typeof phaseIndex>>;
  checkpoints: ReturnType<typeof readCheckpoints> | undefined;
}> {
  const ws = await openWorkspace(opts.cwd);
  const index = await phaseIndex(ws);
  if (opts.phase !== undefined && !index.some((p) => p.id === opts.phase))
    throw new UsageError(
      `unknown phase ${nn(opts.phase)} — this curriculum has phases ${index.map((p) => nn(p.id)).join(', ') || 'none'}`,
    );
  let learners: string[];
  if (opts.all) {
    // no learner is an empty list, not an error: a CI matrix step reads `[]` and fails clearly itself
    learners = listLearners(ws);
  } else learners = [resolveLearner(ws, opts.learner)];
  const ids = index.map((p) => p.id);
  const read = learners.map((learner) => readCheckpoints(ws, learner, ids));
  const result: LearnerStatus[] = learners.map((learner, i) => buildStatus(learner, index, read[i] ?? new Map()));
  const detail = opts.phase === undefined ? undefined : await phaseDetail(ws, opts.phase, result[0]);
  const report: StatusReport = {
    ...(detail ? { phase: detail } : {}),
    schema_version: 1,
    lynx_version: lynxVersion(),
    workspace: ws.root,
    notices: workspaceNotices(ws.root),
    learners: await Promise.all(
      result.map(async (s) => ({
        learner: s.learner,
        current: s.current,
        counts: s.counts,
        ...(await dueReviews(ws, s.learner)),
        phases: s.rows.map((r) => ({ ...r })),
      })),
    ),
  };
  return { report, ws, index, checkpoints: learners.length === 1 ? read[0] : undefined };
}
