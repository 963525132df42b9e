/**
 * lynx lab NN [ID]: a phase's labs with their status (runs from checkpoint.json, checklist progress
 * from the file the learner ticks), or one lab in full. `--run` lives in lab-run.ts.
 */
import { existsSync } from 'node:fs';
import { UsageError } from '../../core/errors.js';
import { expandPath, nn, parsePhase } from '../../core/ids.js';
import { labEstimate } from '../../core/plan.js';
import { checklistProgress, commandLabel, isRunnable, summarizeRuns, type Lab, type LabRun, type LabState } from '../../core/lab.js';
import { tasks } from '../../core/markdown-tasks.js';
import type { Checkpoint, Phase } from '../../schemas/generated/types.js';
import { readCheckpoint } from '../../io/checkpoint.js';
import { checklistLocation, phaseDocs, readIfExists } from '../../io/lab-files.js';
import type { Workspace } from '../../io/workspace.js';
import type { Ctx } from '../context.js';
import { openPhase } from './phase-start.js';

export interface LabInfo {
  id: string;
  title: string;
  page: string;
  estimate?: string;
  estimated_minutes?: number;
  state: LabState;
  commands_run: number;
  commands: number;
  duration_ms: number;
  checklist: { path: string; source: 'docs' | 'learner'; exists: boolean; ticked: number; total: number };
}

export interface LabDetail extends LabInfo {
  prereq?: string;
  goal?: string;
  items: { text: string; checked: boolean; block?: string }[];
  deliverables: { path: string; exists: boolean }[];
  steps: { n: number; text: string; runnable: boolean; needs?: string[]; expect_exit?: number }[];
  stop_conditions: string[];
  runs: LabRun[];
}

export interface LabReport { schema_version: 1; phase: number; title: string; learner: string; status: Checkpoint['status']; labs: LabInfo[]; lab?: LabDetail }

export function findLab(phase: Phase, id: string): Lab {
  const lab = phase.labs.find((l) => l.id === id || l.id === id.padStart(2, '0'));
  if (!lab) throw new UsageError(`phase ${nn(phase.id)} has no lab "${id}" — its labs are ${phase.labs.map((l) => l.id).join(', ') || 'none'}`);
  return lab;
}

async function info(ws: Workspace, learner: string, phase: Phase, lab: Lab, cp: Checkpoint | undefined): Promise<LabInfo> {
  const loc = checklistLocation(ws, learner, phase, lab);
  const text = readIfExists(ws, loc.path);
  const progress = await checklistProgress(text, lab);
  const sum = summarizeRuns(lab, cp?.labs?.[lab.id] ?? []);
  const estimate = labEstimate(lab);
  return {
    id: lab.id, title: lab.title, page: `${phaseDocs(ws, phase)}/${lab.file}`,
    ...(estimate ? { estimate } : {}), ...(lab.estimated_minutes !== undefined ? { estimated_minutes: lab.estimated_minutes } : {}),
    state: sum.state, commands_run: sum.ran, commands: sum.total, duration_ms: sum.durationMs,
    checklist: { path: loc.path, source: loc.source, exists: text !== undefined, ...progress },
  };
}

/** The heading a task sits under (the lab page's "Block A — System"), for the listing. */
function blockOf(text: string, line: number): { block?: string } {
  const lines = text.split('\n');
  for (let i = line - 2; i >= 0; i--) {
    const h = /^#{2,6}\s+(.*)$/.exec(lines[i] ?? '');
    if (h?.[1]) return { block: h[1].trim() };
  }
  return {};
}

async function detail(ws: Workspace, learner: string, phase: Phase, lab: Lab, cp: Checkpoint | undefined): Promise<LabDetail> {
  const base = await info(ws, learner, phase, lab, cp);
  const text = readIfExists(ws, base.checklist.path);
  const items = text !== undefined
    ? (await tasks(text)).map((t) => ({ text: t.text, checked: t.checked, ...blockOf(text, t.line) }))
    : (lab.checklist ?? []).flatMap((b) => b.items.map((x) => ({ text: x, checked: false, ...(b.block ? { block: b.block } : {}) })));
  const vars = { learner, docs: phaseDocs(ws, phase), nn: nn(phase.id) };
  return {
    ...base,
    ...(lab.prereq ? { prereq: lab.prereq } : {}), ...(lab.goal ? { goal: lab.goal } : {}),
    items,
    deliverables: (lab.deliverables ?? []).map((d) => { const path = expandPath(d, vars); return { path, exists: existsSync(ws.abs(path)) }; }),
    steps: (lab.commands ?? []).map((c, i) => ({ n: i + 1, text: commandLabel(c), runnable: isRunnable(c), ...(c.needs ? { needs: [...c.needs] } : {}), ...(c.expect_exit !== undefined ? { expect_exit: c.expect_exit } : {}) })),
    stop_conditions: lab.stop_conditions ?? [],
    runs: (cp?.labs?.[lab.id] ?? []).slice(-10),
  };
}

export async function labReport(opts: { cwd: string; learner?: string | undefined; phase: number; id?: string | undefined }): Promise<LabReport> {
  const { ws, learner, phase } = await openPhase(opts.cwd, opts.learner, opts.phase);
  const cp = readCheckpoint(ws, learner, phase.id);
  const one = opts.id !== undefined ? findLab(phase, opts.id) : undefined;
  return {
    schema_version: 1, phase: phase.id, title: phase.title, learner, status: cp?.status ?? 'not_started',
    labs: await Promise.all(phase.labs.map((l) => info(ws, learner, phase, l, cp))),
    ...(one ? { lab: await detail(ws, learner, phase, one, cp) } : {}),
  };
}

export async function labCommand(ctx: Ctx, o: { run?: boolean; only?: string; timeout?: string; peeked?: boolean }, nnArg: string, id: string | undefined, extra: string[]): Promise<number> {
  const phase = parsePhase(nnArg);
  if (o.peeked) {
    if (id === undefined || o.run) throw new UsageError('--peeked records one lab: `lynx lab NN ID --peeked` (without --run)');
    const r = await (await import('../../app/lab-peeked.js')).recordPeeked({ cwd: ctx.cwd, learner: ctx.learner, phase: nnArg, lab: id });
    ctx.out(ctx.json ? JSON.stringify({ peeked: r }, null, 2) : `recorded: lab ${r.lab}'s solutions were read before it was attempted (dod.lab_attempted_before_solutions: false) — the gate and the report will show it; commit ${r.checkpoint}`);
    return 0;
  }
  if (o.run) {
    if (id === undefined) throw new UsageError('which lab? `lynx lab NN ID --run`', { hint: `\`lynx lab ${nn(phase)}\` lists the labs.` });
    return (await import('./lab-run.js')).labRunCommand(ctx, { phase, id, only: o.only, timeout: o.timeout, extra });
  }
  if (o.only !== undefined || o.timeout !== undefined || extra.length > 0) throw new UsageError('--only, --timeout and extra arguments go with --run');
  const r = await labReport({ cwd: ctx.cwd, learner: ctx.learner, phase, id });
  if (ctx.json) {
    ctx.out(JSON.stringify(r, null, 2));
    return 0;
  }
  const [{ theme }, view] = await Promise.all([import('../../ui/theme.js'), import('../../ui/lab-view.js')]);
  ctx.out(r.lab ? view.renderLabDetail(r, r.lab, theme()) : view.renderLabList(r, theme()));
  return 0;
}
