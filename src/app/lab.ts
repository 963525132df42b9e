/**
 * lynx lab NN [ID]: a phase's labs with their status (runs from checkpoint.json, checklist progress
 * from the file the learner ticks), or one lab in full. `--run` lives in lab-run.ts.
 */
import { existsSync } from 'node:fs';
import { UsageError } from '../core/errors.js';
import { expandPath, nn } from '../core/ids.js';
import { labEstimate } from '../core/plan.js';
import {
  checklistProgress,
  commandLabel,
  deliverable,
  isRunnable,
  runLabel,
  summarizeRuns,
  type Lab,
} from '../core/lab.js';

/** A deliverable named with a run-time part (a date, a topic): some path in the workspace matches it. */
function matches(ws: Workspace, shown: string, re: RegExp): boolean {
  return globSync([shown.replace(/<date>|<topic>/g, '*')], {
    cwd: ws.root,
    onlyFiles: true,
    dot: true,
    ignore: ['.git/**', '.lynx/**', 'node_modules/**'],
  }).some((p) => re.test(p));
}
import { tasks } from '../core/markdown-tasks.js';
import type { LabDetail, LabInfo, LabReport } from '../core/lab-results.js';
import type { Checkpoint, Phase } from '../schemas/generated/types.js';
import { readCheckpoint } from '../io/checkpoint.js';
import { checklistLocation, phaseDocs, readIfExists } from '../io/lab-files.js';
import type { Workspace } from '../io/workspace.js';
import { openTarget } from './target.js';
import { globSync } from '../io/globber.js';

export function findLab(phase: Phase, id: string): Lab {
  const lab = phase.labs.find((l) => l.id === id || l.id === id.padStart(2, '0'));
  if (!lab)
    throw new UsageError(
      `phase ${nn(phase.id)} has no lab "${id}" — its labs are ${phase.labs.map((l) => l.id).join(', ') || 'none'}`,
    );
  return lab;
}

async function info(
  ws: Workspace,
  learner: string,
  phase: Phase,
  lab: Lab,
  cp: Checkpoint | undefined,
): Promise<LabInfo> {
  const loc = checklistLocation(ws, learner, phase, lab);
  const text = readIfExists(ws, loc.path);
  const progress = await checklistProgress(text, lab);
  const sum = summarizeRuns(lab, cp?.labs?.[lab.id] ?? []);
  const estimate = labEstimate(lab);
  return {
    id: lab.id,
    title: lab.title,
    page: `${phaseDocs(ws, phase)}/${lab.file}`,
    ...(estimate ? { estimate } : {}),
    ...(lab.estimated_minutes !== undefined ? { estimated_minutes: lab.estimated_minutes } : {}),
    state: sum.state,
    commands_run: sum.ran,
    commands: sum.total,
    duration_ms: sum.durationMs,
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

async function detail(
  ws: Workspace,
  learner: string,
  phase: Phase,
  lab: Lab,
  cp: Checkpoint | undefined,
): Promise<LabDetail> {
  const base = await info(ws, learner, phase, lab, cp);
  const text = readIfExists(ws, base.checklist.path);
  const items =
    text !== undefined
      ? (await tasks(text)).map((t) => ({ text: t.text, checked: t.checked, ...blockOf(text, t.line) }))
      : (lab.checklist ?? []).flatMap((b) =>
          b.items.map((x) => ({ text: x, checked: false, ...(b.block ? { block: b.block } : {}) })),
        );
  const vars = { learner, docs: phaseDocs(ws, phase), nn: nn(phase.id) };
  return {
    ...base,
    ...(lab.prereq ? { prereq: lab.prereq } : {}),
    ...(lab.goal ? { goal: lab.goal } : {}),
    items,
    deliverables: (lab.deliverables ?? []).map((d) => {
      const { path, match } = deliverable(expandPath(d, vars), lab);
      return { path, exists: match ? matches(ws, path, match) : existsSync(ws.abs(path)) };
    }),
    // the argv lynx runs (`uv run pytest …`), with the page's words beside it when they differ
    steps: (lab.commands ?? []).map((c, i) => {
      const page = commandLabel(c);
      const runs = runLabel(c) ?? page;
      return {
        n: i + 1,
        text: runs,
        ...(runs !== page ? { page } : {}),
        runnable: isRunnable(c),
        ...(c.needs ? { needs: [...c.needs] } : {}),
        ...(c.expect_exit !== undefined ? { expect_exit: c.expect_exit } : {}),
      };
    }),
    stop_conditions: lab.stop_conditions ?? [],
    runs: (cp?.labs?.[lab.id] ?? []).slice(-10),
  };
}

export async function labReport(opts: {
  cwd: string;
  learner?: string | undefined;
  phase: number;
  id?: string | undefined;
}): Promise<LabReport> {
  const { ws, learner, phase } = await openTarget(opts.cwd, opts.learner, opts.phase, { requireFolder: true });
  const cp = readCheckpoint(ws, learner, phase.id);
  const one = opts.id !== undefined ? findLab(phase, opts.id) : undefined;
  return {
    schema_version: 1,
    phase: phase.id,
    title: phase.title,
    learner,
    status: cp?.status ?? 'not_started',
    labs: await Promise.all(phase.labs.map((l) => info(ws, learner, phase, l, cp))),
    ...(one ? { lab: await detail(ws, learner, phase, one, cp) } : {}),
  };
}
