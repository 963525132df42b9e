/**
 * `lynx migrate --cohort` (issue 17): which tracked files move where when a single-learner workspace
 * becomes a cohort. Pure: the use case lists the tracked files and the phases the learner has a
 * checkpoint for; the destinations are exactly what core/layout.ts's `reroot` says, so every check
 * (plan, report, manifests, checklists, closure) finds after the move what it found before.
 *
 * Plans, reports and experiments/ + models/ are the learner's: they MOVE (`git mv`, history follows
 * with --follow). A lab page under docs/ is the curriculum's shared reading: it is COPIED to the
 * learner's checklist, ticks included, for the phases the learner has opened, and stays for the others.
 */
import { layoutFor } from './layout.js';

export interface Move {
  from: string;
  to: string;
  how: 'move' | 'copy';
}

/** What `lynx migrate --cohort` did (or, with --dry-run, would do); it never commits. */
export interface MigrateResult {
  schema_version: 1;
  learner: string;
  dry_run: boolean;
  moves: Move[];
  config: 'lynx.yaml';
  committed: false;
  next: string[];
}

const ROOT_DOC = /^PHASE_\d{2}_(?:PLAN|REPORT)\.md$/;
const ARTIFACT = /^(?:experiments|models)\//;
const LAB_PAGE = /(?:^|\/)phase-(\d{2})-[^/]+\/lab\/[^/]+\.md$/;

export function migrationMoves(
  tracked: readonly string[],
  learner: string,
  opened: ReadonlySet<number>,
  docsRoot: string,
): Move[] {
  const { reroot } = layoutFor('cohort', learner);
  const moves: Move[] = [];
  const docs = `${docsRoot.replace(/\/+$/, '')}/`;
  for (const path of [...tracked].sort()) {
    if (ROOT_DOC.test(path) || ARTIFACT.test(path)) moves.push({ from: path, to: reroot(path), how: 'move' });
    else if (path.startsWith(docs)) {
      const m = LAB_PAGE.exec(path);
      if (m && opened.has(Number(m[1]))) moves.push({ from: path, to: reroot(path), how: 'copy' });
    }
  }
  return moves;
}
