/**
 * Cross-reference rules over the whole curriculum (what a schema alone cannot say).
 * Pure: takes parsed phases and quiz banks, returns problems with JSON pointers.
 */
import type { Phase, QuizBank } from '../schemas/generated/types.js';
import { engine } from './checks/registry.js';
import { isInside, nn } from './ids.js';

export interface RuleProblem {
  file: string;
  pointer: string;
  message: string;
}

export interface PhaseEntry {
  file: string;
  dir: string;
  phase: Phase;
}
export interface QuizEntry {
  file: string;
  name: string;
  bank: QuizBank;
}

export function phaseRules(entries: readonly PhaseEntry[], quizzes: readonly QuizEntry[]): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const ids = new Map<number, string>();
  for (const { file, dir, phase } of entries) {
    const add = (pointer: string, message: string): void => {
      problems.push({ file, pointer, message });
    };
    const expectedDir = `phase-${nn(phase.id)}-${phase.slug}`;
    if (dir !== expectedDir) add('/slug', `directory is ${dir} but id/slug say ${expectedDir}`);
    const dup = ids.get(phase.id);
    if (dup) add('/id', `phase ${nn(phase.id)} is defined twice (also in ${dup})`);
    ids.set(phase.id, file);
  }
  const known = new Set(ids.keys());
  for (const { file, phase } of entries) {
    const add = (pointer: string, message: string): void => {
      problems.push({ file, pointer, message });
    };
    phase.requires.forEach((r, i) => {
      if (r >= phase.id)
        add(`/requires/${i}`, `requires must point to lower phases — ${nn(r)} is not below ${nn(phase.id)}`);
      else if (!known.has(r)) add(`/requires/${i}`, `requires phase ${nn(r)}, which does not exist`);
    });
    const uniq = (list: readonly { id: string }[], what: string, base: string): void => {
      const seen = new Set<string>();
      list.forEach((x, i) => {
        if (seen.has(x.id)) add(`${base}/${i}/id`, `duplicate ${what} id "${x.id}"`);
        seen.add(x.id);
      });
    };
    uniq(phase.labs, 'lab', '/labs');
    uniq(phase.dod, 'DoD item', '/dod');
    uniq(phase.breaks, 'break', '/breaks');
    const dodIds = new Set(phase.dod.map((d) => d.id));
    phase.dod.forEach((d, i) => {
      d.depends_on?.forEach((dep, j) => {
        if (!dodIds.has(dep)) add(`/dod/${i}/depends_on/${j}`, `depends on unknown DoD item "${dep}"`);
      });
      for (const [p, ptr] of engine.paths(d.check))
        if (!isInside(p)) add(`/dod/${i}/check${ptr}`, `path escapes the workspace: ${p}`);
      for (const [ptr, m] of engine.validate(d.check)) add(`/dod/${i}/check${ptr}`, m);
      if (
        d.check.kind === 'break' &&
        d.check.break !== undefined &&
        !phase.breaks.some((b) => b.id === (d.check as { break?: string }).break)
      )
        add(`/dod/${i}/check/break`, `unknown break "${d.check.break}"`);
    });
    phase.breaks.forEach((b, i) => {
      const diagnostic = b.kind === 'diagnostic';
      if (!diagnostic && b.targets.length === 0)
        add(`/breaks/${i}/targets`, 'a break that edits code needs at least one target');
      b.targets.forEach((t, j) => {
        if (!isInside(t.path)) add(`/breaks/${i}/targets/${j}/path`, `path escapes the workspace: ${t.path}`);
        if (!t.edit && !t.description && !b.manual_steps?.length)
          add(`/breaks/${i}/targets/${j}`, 'a target needs an edit, a description or manual steps');
      });
      if (diagnostic && !b.manual_steps?.length)
        add(`/breaks/${i}/manual_steps`, 'a diagnostic break needs its described steps');
      if (b.observe.length === 0 && !b.manual_steps?.length)
        add(`/breaks/${i}/observe`, 'a break needs an observe step (a command or described steps)');
    });
    if (phase.quiz.file) {
      const q = quizzes.find((x) => x.name === phase.quiz.file);
      if (!q) add('/quiz/file', `quiz file ${phase.quiz.file} not found`);
      else if (q.bank.phase !== phase.id)
        add('/quiz/file', `${phase.quiz.file} is the bank of phase ${nn(q.bank.phase)}, not ${nn(phase.id)}`);
    }
  }
  return problems.concat(cycleProblems(entries));
}

function cycleProblems(entries: readonly PhaseEntry[]): RuleProblem[] {
  const graph = new Map(entries.map((e) => [e.phase.id, e.phase.requires] as const));
  const state = new Map<number, 1 | 2>();
  const problems: RuleProblem[] = [];
  const visit = (n: number, stack: number[]): void => {
    if (state.get(n) === 2) return;
    if (state.get(n) === 1) {
      const e = entries.find((x) => x.phase.id === n);
      problems.push({
        file: e?.file ?? '?',
        pointer: '/requires',
        message: `requires cycle: ${[...stack, n].map(nn).join(' → ')}`,
      });
      return;
    }
    state.set(n, 1);
    for (const r of graph.get(n) ?? []) visit(r, [...stack, n]);
    state.set(n, 2);
  };
  for (const n of graph.keys()) visit(n, []);
  return problems;
}

export function quizRules(quizzes: readonly QuizEntry[]): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const seen = new Map<string, string>();
  for (const { file, bank } of quizzes) {
    const add = (pointer: string, message: string): void => {
      problems.push({ file, pointer, message });
    };
    const prefix = bank.phase === 39 ? /^q-39(ex)?-/ : new RegExp(`^q-${nn(bank.phase)}-`);
    bank.items.forEach((it, i) => {
      const base = `/items/${i}`;
      const other = seen.get(it.id);
      if (other) add(`${base}/id`, `duplicate question id ${it.id} (also in ${other})`);
      seen.set(it.id, file);
      if (!prefix.test(it.id)) add(`${base}/id`, `id ${it.id} does not belong to phase ${nn(bank.phase)}`);
      if (it.askable === false) return;
      const n = it.choices?.length ?? 0;
      if (it.answer_type === 'mcq' && typeof it.correct === 'number' && it.correct >= n)
        add(`${base}/correct`, `correct index ${it.correct} is out of range (${n} choices, 0-based)`);
      if (it.answer_type === 'multi' && Array.isArray(it.correct))
        (it.correct as unknown[]).forEach((c, j) => {
          if (typeof c === 'number' && c >= n)
            add(`${base}/correct/${j}`, `correct index ${c} is out of range (${n} choices, 0-based)`);
        });
      if (it.answer_type === 'free' && it.min_keywords !== undefined && it.min_keywords > (it.keywords?.length ?? 0))
        add(`${base}/min_keywords`, `min_keywords ${it.min_keywords} exceeds the ${it.keywords?.length ?? 0} keywords`);
    });
  }
  return problems;
}
