/**
 * `lynx validate --breaks WORKSPACE`: the authoring check for breaks. In a temporary copy of the
 * workspace (never the workspace itself), each break whose target exists there is applied — the
 * edit must match exactly once — observed before and after, and restored byte-for-byte.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { applyEdits } from '../core/break/edit.js';
import { detect } from '../core/break/detect.js';
import { planObserve } from '../core/break/observe-plan.js';
import { planTargets, type TargetPlan } from '../core/break/model.js';
import type { Break } from '../core/break/predictions.js';
import { UsageError } from '../core/errors.js';
import { docsDir } from '../core/curriculum.js';
import { expandPath, nn } from '../core/ids.js';
import { readTarget, targetKind, writeTarget } from '../io/break-store.js';
import { observeFacts, runPlan } from '../io/break-observe.js';
import { loadPhase, phaseIndex } from '../io/curriculum.js';
import { CONFIG_FILE, parseConfig, type Workspace } from '../io/workspace.js';

import type { BreakCheck, BreaksReport } from '../core/break/validate-results.js';

const PROBLEMS: readonly BreakCheck['status'][] = ['not-detectable', 'edit-does-not-apply'];

async function copyWorkspace(dir: string): Promise<Workspace> {
  const root = mkdtempSync(join(tmpdir(), 'lynx-validate-breaks-'));
  // Everything but lynx's own state: observe commands may need .git (manifests record the sha).
  cpSync(dir, root, { recursive: true, filter: (src) => src !== join(dir, '.lynx') });
  const cfg = join(root, CONFIG_FILE);
  const config = existsSync(cfg)
    ? await parseConfig(readFileSync(cfg, 'utf8'), CONFIG_FILE)
    : { schema_version: 1 as const };
  return { root, config, abs: (rel) => join(root, rel) };
}

async function checkBreak(ws: Workspace, phase: number, b: Break, expand: (p: string) => string): Promise<BreakCheck> {
  const base = { phase, id: b.id };
  if (b.kind === 'diagnostic') return { ...base, status: 'skipped', reason: 'a diagnostic break: no edit to apply' };
  let plan: TargetPlan;
  try {
    plan = planTargets(phase, b, expand, (rel) => targetKind(ws.root, rel), {});
  } catch {
    return {
      ...base,
      status: 'skipped',
      reason: `target not in this workspace: ${b.targets.map((t) => expand(t.path)).join(', ')}`,
    };
  }
  if (plan.mode === 'manual') return { ...base, status: 'skipped', reason: plan.why ?? 'no exact edit' };
  const originals = plan.files.map((f) => ({ f, cur: readTarget(ws.root, f.path) }));
  const mutants: { path: string; bytes: Buffer; mode: number; lines: number[] }[] = [];
  for (const { f, cur } of originals) {
    if (!cur) return { ...base, status: 'skipped', reason: `${f.path} cannot be read` };
    const r = applyEdits(cur.bytes.toString('utf8'), f.edits);
    if (!r.ok) {
      const why =
        r.match.reason === 'ambiguous'
          ? `matches ${r.match.candidates.length} times (lines ${r.match.candidates.map((c) => c.line).join(', ')})`
          : r.match.alreadyMutant
            ? 'the file already holds the mutant'
            : 'does not match';
      return { ...base, status: 'edit-does-not-apply', reason: `${f.path}: edit ${r.index + 1} ${why}` };
    }
    mutants.push({
      path: f.path,
      bytes: Buffer.from(r.text, 'utf8'),
      mode: cur.mode,
      lines: r.matches.map((m) => m.line),
    });
  }
  const obs = planObserve(b, await observeFacts(ws));
  if (!obs.fallback && !obs.steps.some((s) => s.action === 'run'))
    return {
      ...base,
      status: 'not-observable',
      reason: 'no observe command can run on this machine, and the workspace has no test recipe',
      files: mutants.map((m) => ({ path: m.path, lines: m.lines })),
    };
  const baseline = { steps: await runPlan(ws, phase, obs) };
  const again = { steps: await runPlan(ws, phase, obs) };
  for (const m of mutants) writeTarget(ws.root, m.path, m.bytes, m.mode, 'validate');
  let mutant;
  try {
    mutant = { steps: await runPlan(ws, phase, obs) };
  } finally {
    for (const { f, cur } of originals) if (cur) writeTarget(ws.root, f.path, cur.bytes, cur.mode, 'validate');
  }
  const restored = originals.every(({ f, cur }) => readTarget(ws.root, f.path)?.sha256 === cur?.sha256);
  const d = detect(baseline, again, mutant);
  return {
    ...base,
    status: d.detectable ? 'detectable' : 'not-detectable',
    reason: `${obs.fallback ? `${obs.fallback.reason}; ` : ''}${d.how}`,
    files: mutants.map((m) => ({ path: m.path, lines: m.lines })),
    observe: d.per_step.map(({ text, baseline_exit, mutant_exit }) => ({ text, baseline_exit, mutant_exit })),
    restored,
  };
}

export async function validateBreaks(opts: { cwd: string; dir: string }): Promise<BreaksReport> {
  const dir = resolve(opts.cwd, opts.dir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`--breaks ${opts.dir}: no such directory`);
  const ws = await copyWorkspace(dir);
  try {
    const learner = ws.config.learner ?? 'learner';
    const breaks: BreakCheck[] = [];
    for (const p of await phaseIndex(ws)) {
      if (p.breaks === 0) continue;
      const phase = await loadPhase(ws, p.id);
      const vars = {
        learner,
        docs: join(ws.config.docs ?? 'docs', docsDir(phase).replace(/^docs\//, '')),
        nn: nn(phase.id),
      };
      for (const b of phase.breaks) breaks.push(await checkBreak(ws, phase.id, b, (x) => expandPath(x, vars)));
    }
    const checked = breaks.filter((b) => b.status !== 'skipped').length;
    return {
      schema_version: 1,
      workspace: dir,
      ok: !breaks.some((b) => PROBLEMS.includes(b.status) || b.restored === false),
      checked,
      breaks,
    };
  } finally {
    rmSync(ws.root, { recursive: true, force: true });
  }
}
