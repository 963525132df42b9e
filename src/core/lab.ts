/**
 * Labs: which commands run, how a lab's runs add up to a status, and the checklist file the learner
 * ticks when the workspace has no lab pages. Pure.
 */
import type { Checkpoint, Phase } from '../schemas/generated/types.js';
import { indentLines } from './render.js';
import { tasks } from './markdown-tasks.js';
import { nn } from './ids.js';
import { shellWord } from './shell-word.js';

export type Lab = Phase['labs'][number];
export type LabCommand = NonNullable<Lab['commands']>[number];
export type LabRun = NonNullable<NonNullable<Checkpoint['labs']>[string]>[number];
export type Outcome = LabRun['outcome'];

export const isRunnable = (c: LabCommand): boolean =>
  c.manual !== true && (c.just !== undefined || c.argv !== undefined);

/** How a command is named in runs and listings: the text as the page writes it, on one line. */
export const commandLabel = (c: LabCommand): string =>
  c.text
    .split('\n')
    .filter((l) => !l.trim().startsWith('#'))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim() || c.text.trim();

/**
 * What lynx actually runs for a command — `uv run pytest …` where the page writes `pytest …`,
 * `just manifest lab-01-check` for `just manifest <some-topic>`. Undefined for a step done by hand.
 */
export function runLabel(c: LabCommand): string | undefined {
  const env = Object.entries(c.env ?? {})
    .map(([k, v]) => `${k}=${shellWord(v ?? '')} `)
    .join('');
  if (c.just !== undefined) return env + ['just', c.just, ...(c.args ?? [])].map(shellWord).join(' ');
  return c.argv ? env + c.argv.map(shellWord).join(' ') : undefined;
}

/**
 * A lab's deliverable as the learner should read it, and how to find it: `{topic}` is the topic the
 * lab's own command passes (`just manifest lab-01-check`), `$(date +%F)` any day. `match` is set
 * when the path has a part only known at run time (then existence means a matching path).
 */
export function deliverable(path: string, lab: Lab): { path: string; match?: RegExp } {
  const topicCmd = (lab.commands ?? []).find(
    (c) => c.just !== undefined && /<[^>]*topic[^>]*>/.test(c.text) && (c.args?.length ?? 0) > 0,
  );
  const topic = topicCmd?.args?.[0];
  const shown = path.replace(/\{topic\}/g, topic ?? '<topic>').replace(/\$\(date \+%F\)/g, '<date>');
  if (!/<date>|<topic>/.test(shown)) return { path: shown };
  const re = shown
    .split(/(<date>|<topic>)/)
    .map((part) =>
      part === '<date>'
        ? '\\d{4}-\\d{2}-\\d{2}'
        : part === '<topic>'
          ? '[^/]+'
          : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return { path: shown, match: new RegExp(`^${re}$`) };
}

/**
 * Pick commands by their 1-based number in the lab's list (as `lynx lab NN ID` numbers them) or by
 * recipe name ("1,3" or "setup,lint"). Unknown picks, and steps done by hand, are reported, never
 * silently dropped.
 */
export function selectCommands(lab: Lab, only: string | undefined): { picked: LabCommand[]; unknown: string[] } {
  const all = lab.commands ?? [];
  if (only === undefined) return { picked: all.filter(isRunnable), unknown: [] };
  const picked: LabCommand[] = [];
  const unknown: string[] = [];
  for (const raw of only
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const byNum = /^\d+$/.test(raw) ? all[Number(raw) - 1] : undefined;
    const found = byNum ?? all.filter((c) => isRunnable(c) && (c.just === raw || commandLabel(c) === raw))[0];
    if (found && isRunnable(found)) {
      if (!picked.includes(found)) picked.push(found);
    } else unknown.push(found ? `${raw} (done by hand)` : raw);
  }
  return { picked: all.filter((c) => picked.includes(c)), unknown };
}

export type LabState = 'not run' | 'passed' | 'partial' | Exclude<Outcome, 'passed'>;

export interface LabSummary {
  state: LabState;
  ran: number;
  total: number;
  durationMs: number;
  last: LabRun | undefined;
}

/** The latest run of each runnable command decides: any failure shows; all passed is passed. */
export function summarizeRuns(lab: Lab, runs: readonly LabRun[]): LabSummary {
  const cmds = (lab.commands ?? []).filter(isRunnable);
  const latest = cmds.map((c) => {
    const label = commandLabel(c);
    return runs.filter((r) => r.command === label || r.command?.startsWith(`${label} `)).at(-1);
  });
  const done = latest.filter((r): r is LabRun => r !== undefined);
  const last = runs.at(-1);
  const durationMs = done.reduce((s, r) => s + r.duration_ms, 0);
  if (runs.length === 0) return { state: 'not run', ran: 0, total: cmds.length, durationMs: 0, last };
  const bad = done
    .filter((r) => r.outcome !== 'passed')
    .sort((a, b) => a.started_at.localeCompare(b.started_at))
    .at(-1);
  const state: LabState = bad ? bad.outcome : done.length === cmds.length ? 'passed' : 'partial';
  return { state, ran: done.length, total: cmds.length, durationMs, last };
}

export interface ChecklistProgress {
  ticked: number;
  total: number;
}

export const checklistItems = (lab: Lab): number => (lab.checklist ?? []).reduce((s, b) => s + b.items.length, 0);

export async function checklistProgress(markdown: string | undefined, lab: Lab): Promise<ChecklistProgress> {
  if (markdown === undefined) return { ticked: 0, total: checklistItems(lab) };
  const t = await tasks(markdown);
  return { ticked: t.filter((x) => x.checked).length, total: t.length };
}

/** The view the lab-checklist template renders: each block a heading, each line a task box. */
export function checklistView(lab: Lab, phase: Phase, page: string, estimate: string | undefined): object {
  return {
    id: lab.id,
    title: lab.title,
    nn: nn(phase.id),
    phase_title: phase.title,
    page,
    estimate,
    stop_conditions: (lab.stop_conditions ?? []).map((s) => s.replace(/\s*\n\s*/g, ' ')),
    blocks: (lab.checklist ?? []).map((b) => ({ block: b.block, items: b.items.map((x) => indentLines(x, 2)) })),
  };
}

/** "2m 05s" style durations. */
export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}
