/**
 * lynx phase-start NN: open a phase — check it may open, write PHASE_NN_PLAN.md from the template,
 * create the learner's phase folder, and stop for approval (status `planned`). Re-running is
 * idempotent and never overwrites a plan the learner edited; --force rewrites it, keeping a backup.
 */
import { layoutOf } from '../io/workspace.js';
import { GateFailed, UsageError } from '../core/errors.js';
import { checkpointPath, expandPath, nn, phaseStateDir } from '../core/ids.js';
import { predictionsRel, predictionsTemplate } from '../core/break/predictions.js';
import { planState, planView, labEstimate } from '../core/plan.js';
import { ownPaths, refusals } from '../core/phase-start.js';
import { checklistView, checklistItems } from '../core/lab.js';
import { render } from '../core/render.js';
import { isClosed } from '../core/status.js';
import type { Checkpoint, Phase } from '../schemas/generated/types.js';
import { newCheckpoint, readCheckpoint } from '../io/checkpoint.js';
import { saveCheckpoint } from './progress.js';
import { phaseIndex } from '../io/curriculum.js';
import { phaseTools } from '../io/phase-tools.js';
import { readInside, writeAtomic } from '../io/fsx.js';
import { ensureFile, type Action } from '../io/scaffold.js';
import type { PhaseStartResult } from '../core/phase-results.js';
import { openTarget } from './target.js';
import { checklistLocation, phaseDocs } from '../io/lab-files.js';
import { readTemplate } from '../io/templates.js';
import { withLock } from '../io/lock.js';
import { listPhaseStatus } from '../io/phase-status.js';
import { now } from '../io/clock.js';
import * as git from '../io/git.js';
import type { Workspace } from '../io/workspace.js';

function renderPlan(
  ws: Workspace,
  learner: string,
  phase: Phase,
  planned: string,
  titles: Map<number, string>,
): { text: string; checklists: Map<string, ReturnType<typeof checklistLocation>> } {
  const checklists = new Map(phase.labs.map((l) => [l.id, checklistLocation(ws, learner, phase, l)] as const));
  const view = planView({
    phase,
    learner,
    docs: phaseDocs(ws, phase),
    plannedDate: planned.slice(0, 10),
    checklistPaths: new Map([...checklists].map(([k, v]) => [k, v.path])),
    requireTitles: titles,
  });
  return { text: render(readTemplate('PHASE_PLAN.md'), view), checklists };
}

async function learnerFiles(
  ws: Workspace,
  learner: string,
  phase: Phase,
  checklists: Map<string, ReturnType<typeof checklistLocation>>,
): Promise<Action[]> {
  const dir = phaseStateDir(learner, phase.id);
  const labs = phase.labs.map((l) => ({ id: l.id, title: l.title, estimate: labEstimate(l) }));
  const actions = [
    await ensureFile(
      ws.root,
      `${dir}/reflections.md`,
      render(readTemplate('reflections.md'), { nn: nn(phase.id), title: phase.title, learner, labs }),
    ),
  ];
  // notes/breaks.md: the break area's own template (one source: it also judges whether predictions
  // were written), so the file phase-start makes is the file `lynx break NN` would make.
  const vars = { learner, docs: phaseDocs(ws, phase), nn: nn(phase.id) };
  const made = new Set<string>();
  for (const b of phase.breaks) {
    const path = expandPath(predictionsRel(phase.id, b), vars);
    if (made.has(path)) continue;
    made.add(path);
    actions.push(await ensureFile(ws.root, path, predictionsTemplate(phase.id, b)));
  }
  for (const lab of phase.labs) {
    const loc = checklists.get(lab.id);
    if (!loc || loc.source !== 'learner' || checklistItems(lab) === 0) continue;
    const view = checklistView(lab, phase, `${phaseDocs(ws, phase)}/${lab.file}`, labEstimate(lab));
    actions.push(await ensureFile(ws.root, loc.path, render(readTemplate('lab-checklist.md'), view)));
  }
  return actions;
}

export async function phaseStart(opts: {
  cwd: string;
  learner?: string | undefined;
  phase: number;
  force: boolean;
}): Promise<PhaseStartResult> {
  const { ws, learner, phase } = await openTarget(opts.cwd, opts.learner, opts.phase, { requireFolder: true });
  const index = await phaseIndex(ws);
  const titles = new Map(index.map((p) => [p.id, p.title]));
  const missingTools = await toolWarning(ws, phase);
  return withLock(ws.root, `lynx phase-start ${nn(phase.id)}`, async () => {
    const stamp = now().toISOString();
    const original = readCheckpoint(ws, learner, phase.id);
    let cp = original;
    if (cp && isClosed(cp.status))
      throw new UsageError(
        `phase ${nn(phase.id)} is already closed (${cp.status}` +
          `${cp.closed_at ? ` on ${cp.closed_at.slice(0, 10)}` : ''}); there is nothing to start`,
      );
    const opening = !cp || cp.status === 'not_started';
    const forced: string[] = [];
    if (opening) {
      const all = await listPhaseStatus(ws, learner);
      const own = ownPaths(phase.id, learner);
      const facts = {
        phase: phase.id,
        force: opts.force,
        requires: phase.requires.map(
          (r) =>
            all.find((x) => x.phase === r) ?? { phase: r, title: titles.get(r) ?? '', status: 'not_started' as const },
        ),
        dirty: (await git.dirtyFiles(ws.root)).filter((p) => !own(p)),
        open: all.filter((x) => x.phase !== phase.id && (x.status === 'planned' || x.status === 'in_progress')),
      };
      const refused = refusals(facts);
      if (refused.length > 0) {
        throw new GateFailed(
          `phase ${nn(phase.id)} cannot start: ${refused.length} reason${refused.length > 1 ? 's' : ''}`,
          {
            details: refused.map((r) => `- ${r.message}`),
            hint: 'Nothing was written. Fix each reason, then run the command again.',
          },
        );
      }
      for (const o of facts.open) forced.push(`opened while phase ${nn(o.phase)} was ${o.status.replace('_', ' ')}`);
    }
    const planned = cp?.planned_at ?? stamp;
    const { text, checklists } = renderPlan(ws, learner, phase, planned, titles);
    const planPath = layoutOf(ws, learner).plan(phase.id);
    let plan: PhaseStartResult['plan'];
    const current = readInside(ws.root, planPath);
    if (current === undefined) {
      await writeAtomic(ws.abs(planPath), text);
      plan = { path: planPath, action: 'created' };
    } else if (current === text) {
      plan = { path: planPath, action: 'unchanged' };
    } else if (opts.force) {
      const backup = `.lynx/backups/${planPath.replace(/\.md$/, '')}.${stamp.replace(/[:.]/g, '-')}.md`;
      await writeAtomic(ws.abs(backup), current);
      await writeAtomic(ws.abs(planPath), text);
      plan = { path: planPath, action: 'rewritten', backup };
      forced.push(`rewrote the edited ${planPath} from the template (backup ${backup})`);
      if (cp?.status === 'in_progress') {
        // A regenerated plan is a new plan: it needs approving again, and the gate will say so.
        const { approved_at: _a, plan_sha256: _h, ...rest } = cp;
        cp = { ...rest, status: 'planned' };
        forced.push('approval withdrawn: the rewritten plan needs `lynx phase-start --approve` again');
      }
    } else {
      plan = { path: planPath, action: 'kept' };
    }
    const files = await learnerFiles(ws, learner, phase, checklists);
    const cpRel = checkpointPath(learner, phase.id);
    const next: Checkpoint = opening
      ? { ...(cp ?? newCheckpoint(learner, phase.id)), status: 'planned', planned_at: planned }
      : { ...(cp as Checkpoint) };
    if (forced.length > 0) next.forced = [...(next.forced ?? []), ...forced.map((what) => ({ at: stamp, what }))];
    const cpChanged = JSON.stringify(next) !== JSON.stringify(original);
    if (cpChanged) await saveCheckpoint(ws, next);
    files.unshift({ path: cpRel, action: !cpChanged ? 'unchanged' : original === undefined ? 'created' : 'updated' });
    if (next.status === 'in_progress') plan.state = planState(readInside(ws.root, planPath) ?? '', next).state;
    return {
      schema_version: 1,
      phase: phase.id,
      title: phase.title,
      learner,
      status: next.status,
      opened: opening,
      plan,
      files,
      forced,
      docs: phaseDocs(ws, phase),
      read_order: phase.read_order.map((r) => ({ path: r.path, ...(r.note ? { note: r.note } : {}) })),
      ...(missingTools ? { missing_tools: missingTools } : {}),
    };
  });
}

/**
 * The tools the phase runs that this machine lacks (issue 21): a warning, never a refusal — the plan and the
 * reading come first, and the learner may install uv before the first lab. Best effort: probing never stops
 * phase-start.
 */
async function toolWarning(ws: Workspace, phase: Phase): Promise<PhaseStartResult['missing_tools']> {
  try {
    const s = await phaseTools(ws, phase, { versions: false });
    const tools = s.tools
      .filter((t) => !t.found)
      .map((t) => ({ name: t.name, kind: t.kind, impossible: t.impossible ?? '' }));
    return tools.length ? { tools, see: `lynx doctor ${nn(phase.id)}` } : undefined;
  } catch {
    return undefined;
  }
}
