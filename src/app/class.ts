/** lynx class: one row per learner (issue 17), sorted and filtered; the same model feeds --json, --csv and --html. */
import { existsSync } from 'node:fs';
import { classRow, sortRows, type ClassReport, type ClassSort } from '../core/class-view.js';
import { buildStatus } from '../core/status.js';
import { UsageError } from '../core/errors.js';
import { phaseIndex } from '../io/curriculum.js';
import { listLearners, readCheckpoint } from '../io/checkpoint.js';
import { openWorkspace, type Workspace } from '../io/workspace.js';
import type { Checkpoint } from '../schemas/generated/types.js';

async function due(ws: Workspace, learner: string): Promise<number> {
  if (!existsSync(ws.abs(`learners/${learner}/reviews.jsonl`))) return 0;
  const { reviewsDue } = await import('../io/review-store.js');
  return reviewsDue(ws, learner);
}

export interface ClassOptions {
  cwd: string;
  sort?: ClassSort;
  /** keep learners whose name contains this, or whose current phase is NN */ filter?: string | undefined;
}

export async function classView(opts: ClassOptions): Promise<ClassReport> {
  const ws = await openWorkspace(opts.cwd);
  const index = await phaseIndex(ws);
  const learners = listLearners(ws);
  if (learners.length === 0)
    throw new UsageError('no learners in this workspace (learners/ is empty)', {
      hint: 'Add one with `lynx init --learner NAME`.',
    });
  const rows = await Promise.all(
    learners.map(async (learner) => {
      const cps = new Map<number, Checkpoint | Error>();
      for (const p of index) {
        try {
          const cp = readCheckpoint(ws, learner, p.id);
          if (cp) cps.set(p.id, cp);
        } catch (err) {
          cps.set(p.id, err as Error);
        }
      }
      const valid = [...cps.values()].filter((c): c is Checkpoint => !(c instanceof Error));
      return classRow(buildStatus(learner, index, cps), valid, await due(ws, learner));
    }),
  );
  const f = opts.filter;
  const kept =
    f === undefined
      ? rows
      : rows.filter((r) => (/^\d{1,2}$/.test(f) ? r.current_phase === Number(f) : r.learner.includes(f)));
  return { schema_version: 1, phases: index.length, learners: sortRows(kept, opts.sort ?? 'learner') };
}
