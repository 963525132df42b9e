/**
 * Incremental gating (`lynx gate --changed-since REF`): which (learner, phase) pairs a change touches,
 * from the paths it changed. Pure: the caller lists the paths (io/history) and the closed phases.
 *
 * A path selects
 *   learners/<name>/phase-NN/…          that learner's phase NN (checkpoint, quiz attempts, …)
 *   learners/<name>/… (anything else)   every phase of that learner (journal, reviews, profile feed checks),
 *                                       except progress.md, which lynx renders from the checkpoints
 *   PHASE_NN_PLAN.md, PHASE_NN_REPORT.md phase NN of every learner (the workspace root holds one of each)
 *   docs/phase-NN-…/…                   phase NN of every learner (the curriculum's pages it checks)
 *   experiments/<dir>/…                 phase NN of every learner when <dir> names it the way the gate's
 *                                       manifest globs do (NN-…, …-NN-…, …-phase-NN-…)
 * and nothing otherwise: code outside these (a Justfile, src/) is re-verified by the full gate on main.
 */
export const ANY = '*';
export interface Touch {
  learner: string;
  phase: number | typeof ANY;
}

const LEARNER = /^learners\/([^/]+)\/(.+)$/;
const PHASE_DIR = /^phase-(\d{2})\//;
const ROOT_FILE = /^PHASE_(\d{2})_(?:PLAN|REPORT)\.md$/;
const DOCS = /^docs\/phase-(\d{2})-[^/]*\//;
const EXPERIMENT = /^experiments\/([^/]+)\//;

/** The phases an experiments/<dir>/ name belongs to, as the gate's manifest globs read it (core/gate-manifests
 * phaseManifestGlobs). */
function experimentPhases(dir: string): number[] {
  const out = new Set<number>();
  const lead = /^(\d{2})-/.exec(dir);
  if (lead) out.add(Number(lead[1]));
  for (const m of dir.matchAll(/-(?:phase-)?(\d{2})-/g)) out.add(Number(m[1]));
  return [...out];
}

export function touchesOf(path: string): Touch[] {
  const p = path.replace(/\\/g, '/');
  const l = LEARNER.exec(p);
  if (l) {
    const [, learner = '', rest = ''] = l;
    if (learner === '_template') return [];
    const phase = PHASE_DIR.exec(rest);
    if (phase) return [{ learner, phase: Number(phase[1]) }];
    return rest === 'progress.md' ? [] : [{ learner, phase: ANY }];
  }
  const root = ROOT_FILE.exec(p) ?? DOCS.exec(p);
  if (root) return [{ learner: ANY, phase: Number(root[1]) }];
  const exp = EXPERIMENT.exec(p);
  if (exp) return experimentPhases(exp[1] ?? '').map((phase) => ({ learner: ANY, phase }));
  return [];
}

export function touches(paths: readonly string[]): Touch[] {
  return paths.flatMap(touchesOf);
}

/** Does the change touch this learner's phase? */
export function touched(ts: readonly Touch[], learner: string, phase: number): boolean {
  return ts.some((t) => (t.learner === ANY || t.learner === learner) && (t.phase === ANY || t.phase === phase));
}
