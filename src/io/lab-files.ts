/**
 * Where a phase's pages live in this workspace and where the learner ticks a lab's checklist: the
 * workspace's own docs/phase-NN-<slug>/lab/ page when it exists, else lynx's copy under
 * learners/<name>/phase-NN/lab/ (the phase-00 DoD item env-checklist-completed checks exactly these two).
 */
import { existsSync } from 'node:fs';
import { CAPS, readRegularText } from './fsx.js';
import { join } from 'node:path';
import type { Phase } from '../schemas/generated/types.js';
import { docsDir } from '../core/curriculum.js';
import type { Lab } from '../core/lab.js';
import { layoutOf, type Workspace } from './workspace.js';

/** lynx.yaml `docs` + the phase's docs_dir (the same resolution the checks use for {docs}). */
export const phaseDocs = (ws: Workspace, phase: Phase): string =>
  join(ws.config.docs ?? 'docs', docsDir(phase).replace(/^docs\//, '')).replace(/\\/g, '/');

export interface ChecklistLocation {
  path: string;
  source: 'docs' | 'learner';
}

export function checklistLocation(ws: Workspace, learner: string, phase: Phase, lab: Lab): ChecklistLocation {
  const page = `${phaseDocs(ws, phase)}/${lab.file}`;
  const layout = layoutOf(ws, learner);
  // in a cohort the docs page is shared: each learner ticks their own copy (core/layout.ts)
  if (layout.checklistOnDocsPage && existsSync(ws.abs(page))) return { path: page, source: 'docs' };
  return { path: layout.learnerChecklist(phase.id, lab.file ?? ''), source: 'learner' };
}

export function readIfExists(ws: Workspace, rel: string): string | undefined {
  return readRegularText(ws.abs(rel), { display: rel, cap: CAPS.text, root: ws.root, optional: true });
}
