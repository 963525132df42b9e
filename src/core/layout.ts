/**
 * Where a learner's artifacts live: the ONE place that knows (issue 17). A workspace is
 * single-learner (today's layout, the default: PHASE_NN_PLAN.md, PHASE_NN_REPORT.md and
 * experiments/ at the root, checklists on the docs page) or a cohort (lynx.yaml `layout: cohort`):
 * then every one of those lives under learners/<name>/, so no learner's command reads or writes
 * another's files and no learner's manifest can fail another's gate.
 *
 * The cohort layout is never inferred from learners/: a second learner appearing would silently move
 * the first learner's paths and break the gates of phases already closed. `lynx migrate --cohort`
 * is the explicit switch. Pure (no I/O): check context, plan, report, lab, manifests and gate closure
 * all ask this module, and a curriculum DoD path is re-rooted by `reroot`.
 */
import { nn } from './ids.js';

export type LayoutKind = 'single' | 'cohort';

export interface Layout {
  kind: LayoutKind;
  learner: string;
  /** PHASE_NN_PLAN.md (workspace-relative). */
  plan: (phase: number) => string;
  /** PHASE_NN_REPORT.md (workspace-relative). */
  report: (phase: number) => string;
  /** The directory experiment manifests live under ('experiments' or learners/<name>/experiments). */
  experiments: string;
  /** Manifest globs of this learner (workspace-relative). */
  manifestGlobs: string[];
  /** A lab's checklist when the learner ticks lynx's copy, not the docs page. */
  learnerChecklist: (phase: number, labFile: string) => string;
  /** Whether the docs page itself is the checklist (single-learner only: it is shared in a cohort). */
  checklistOnDocsPage: boolean;
  /** A curriculum path (DoD item, glob, closure) as this learner's path. Idempotent. */
  reroot: (path: string) => string;
}

const ROOT_DOC = /^PHASE_\d{2}_(?:PLAN|REPORT)\.md$/;
const ARTIFACT_DIR = /^(?:experiments|models)(?:\/|$)/;
/** docs/phase-NN-<slug>/lab/<page>.md: the page a lab checklist is ticked in. */
const LAB_PAGE = /(?:^|\/)phase-(\d{2})-[^/]+\/lab\/([^/]+\.md)$/;

export const learnerDir = (learner: string): string => `learners/${learner}`;
const basename = (p: string): string => p.slice(p.lastIndexOf('/') + 1);

export function layoutFor(kind: LayoutKind, learner: string): Layout {
  const cohort = kind === 'cohort';
  const home = learnerDir(learner);
  const learnerChecklist = (phase: number, labFile: string): string =>
    `${home}/phase-${nn(phase)}/lab/${basename(labFile)}`;
  const reroot = (path: string): string => {
    if (!cohort || path.startsWith('learners/')) return path;
    if (ROOT_DOC.test(path) || ARTIFACT_DIR.test(path)) return `${home}/${path}`;
    const lab = LAB_PAGE.exec(path);
    if (lab) return learnerChecklist(Number(lab[1]), lab[2] ?? '');
    return path;
  };
  const experiments = cohort ? `${home}/experiments` : 'experiments';
  const models = cohort ? `${home}/models` : 'models';
  return {
    kind,
    learner,
    experiments,
    learnerChecklist,
    reroot,
    checklistOnDocsPage: !cohort,
    plan: (phase) => reroot(`PHASE_${nn(phase)}_PLAN.md`),
    report: (phase) => reroot(`PHASE_${nn(phase)}_REPORT.md`),
    manifestGlobs: [
      `${experiments}/**/manifest.json`,
      `${experiments}/**/*.manifest.json`,
      `${models}/**/*.manifest.json`,
    ],
  };
}

/** Who owns a workspace path in a cohort: learners/<name>/… is that learner's; anything else is shared. */
export function ownerOf(path: string): string | undefined {
  return /^learners\/([^/]+)\//.exec(path)?.[1];
}
