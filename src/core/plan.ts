/**
 * PHASE_NN_PLAN.md: the view the template renders (§0–§8, DIGEST §2.2) and the rules the plan obeys
 * after approval. Pure: the caller reads the template and the files.
 */
import { planFileName } from './plan-rules.js';
export { planFileName, revisionEntries, openQuestions, planState, type PlanState } from './plan-rules.js';
import type { Phase } from '../schemas/generated/types.js';
import { describeCheck } from './dod-text.js';
import { expandPath, nn } from './ids.js';
import { indentLines } from './render.js';

export interface PlanInputs {
  phase: Phase;
  learner: string;
  /** The phase's docs directory in this workspace (lynx.yaml `docs` + docs_dir). */
  docs: string;
  plannedDate: string;
  /** Where each lab's checklist is ticked (lab id → workspace-relative path). */
  checklistPaths: ReadonlyMap<string, string>;
  /** Titles of the required phases. */
  requireTitles: ReadonlyMap<number, string>;
}

const runnable = (c: { just?: string; argv?: unknown[]; manual?: boolean }): boolean =>
  !c.manual && (c.just !== undefined || c.argv !== undefined);

export function labEstimate(lab: Phase['labs'][number]): string | undefined {
  return lab.estimated_time ?? (lab.estimated_minutes !== undefined ? `${lab.estimated_minutes} min` : undefined);
}

export function planView(i: PlanInputs): object {
  const p = i.phase;
  const n = nn(p.id);
  const expand = (s: string): string => expandPath(s, { learner: i.learner, docs: i.docs, nn: n });
  const req = p.requires.map((r) => `${nn(r)} ${i.requireTitles.get(r) ?? ''}`.trim());
  const labs = p.labs.map((l) => {
    const items = (l.checklist ?? []).reduce((s, b) => s + b.items.length, 0);
    const cmds = (l.commands ?? []).filter(runnable);
    return {
      id: l.id,
      title: l.title,
      estimate: labEstimate(l),
      page: `${i.docs}/${l.file}`,
      prereq: l.prereq ? indentLines(l.prereq, 2) : undefined,
      goal: l.goal ? indentLines(l.goal, 2) : undefined,
      has_checklist: items > 0,
      items,
      checklist_path: i.checklistPaths.get(l.id) ?? '',
      blocks: (l.checklist ?? []).map((b) => ({
        block: b.block,
        items: b.items.map((t) => indentLines(t, b.block ? 6 : 4)),
      })),
      has_commands: cmds.length > 0,
      commands: cmds.map((c) => `\`${c.text.replace(/\s*\n\s*/g, ' ')}\``).join(' · '),
    };
  });
  const pitfalls = p.labs.flatMap((l) => [
    ...(l.stop_conditions ?? []).map((s) => `Lab ${l.id}: ${indentLines(s, 2)}`),
    ...(l.solution
      ? [
          `Lab ${l.id}: attempt it before opening \`${i.docs}/${l.solution}\`; if you read it first, record ` +
            `\`dod.lab_attempted_before_solutions: false\` in the checkpoint — honesty is checked.`,
        ]
      : []),
  ]);
  return {
    nn: n,
    title: p.title,
    learner: i.learner,
    planned_date: i.plannedDate,
    spec: p.spec,
    goal: indentLines(p.goal, 2),
    docs: i.docs,
    threshold: Math.round(p.quiz.threshold * 100),
    requires: req.length > 0 ? req.join(', ') : (p.requires_text ?? 'none'),
    teaches: p.teaches.join(', '),
    inherited: req.length > 0 ? `phase${req.length > 1 ? 's' : ''} ${p.requires.map(nn).join(', ')}` : undefined,
    inherited_plans: p.requires.map((r) => `\`${planFileName(r)}\``).join(', '),
    read_order: p.read_order.map((r, k) => ({ n: k + 1, path: r.path, note: r.note })),
    has_out_of_scope: (p.out_of_scope ?? []).length > 0,
    out_of_scope: (p.out_of_scope ?? []).map((s) => indentLines(s, 4)),
    deliverables: p.labs.flatMap((l) => (l.deliverables ?? []).map((d) => ({ path: expand(d), lab: l.id }))),
    labs,
    pitfalls,
    dod_note: p.dod_note ? indentLines(p.dod_note, 0) : undefined,
    numbering_note: (p.notes ?? []).find((x) => x.startsWith('PLAN section numbering')),
    dod: p.dod.map((d) => ({
      id: d.id,
      text: indentLines(d.text, 4),
      how: describeCheck(d.check, expand, n, d.id) + (d.source === 'derived' ? ' (derived from the labs)' : ''),
      depends: d.depends_on?.length ? d.depends_on.map((x) => `\`${x}\``).join(', ') : undefined,
      note: d.note ? indentLines(d.note, 4) : undefined,
    })),
  };
}
