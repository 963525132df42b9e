/**
 * An answer file for `lynx quiz NN --answers FILE` (pure): a map from item id to an answer —
 *   q-05-01: 1                        mcq: the 0-based choice index
 *   q-05-02: [0, 2]                   multi: 0-based indices
 *   q-05-03: "text"                   short, free, conjugation-form, code (the program's source)
 *   q-05-04: {text: "…", self_assessed: true}   a free item judged by the learner against its model
 *                                     answer (one without keywords, or one whose keywords were missed)
 *   q-05-05: 3.14                     numeric
 * Unknown ids and answers of the wrong shape are problems with a JSON path; the caller turns them
 * into one InputError (exit 2) naming file:line:col.
 */
import type { Given, QuizItem } from './grade.js';

export interface AnswerProblem {
  pointer: string;
  message: string;
}
export interface ParsedAnswers {
  answers: Map<string, Given>;
  problems: AnswerProblem[];
  ignored: string[];
}

const show = (v: unknown): string => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 50 ? `${s.slice(0, 47)}…` : s;
};

function asIndex(v: unknown, n: number): number | undefined {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < n ? v : undefined;
}

/** One answer in the answer-file form → a Given, or what is wrong with it. */
export function parseAnswerValue(item: QuizItem, v: unknown): Given | string {
  const n = item.choices?.length ?? 0;
  switch (item.answer_type) {
    case 'mcq': {
      const i = asIndex(v, n);
      return i === undefined
        ? `expected a choice index 0–${n - 1} (0-based) — found ${show(v)}`
        : { kind: 'choice', index: i };
    }
    case 'multi': {
      const list = Array.isArray(v) ? v : [v];
      const idx = list.map((x) => asIndex(x, n));
      if (list.length === 0 || idx.some((x) => x === undefined))
        return `expected a list of choice indices 0–${n - 1} (0-based) — found ${show(v)}`;
      const set = [...new Set(idx as number[])];
      if (set.length !== list.length) return `a choice is listed twice — found ${show(v)}`;
      return { kind: 'choices', indices: set };
    }
    case 'numeric': {
      const x = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
      return typeof x === 'number' && Number.isFinite(x)
        ? { kind: 'number', value: x }
        : `expected a number — found ${show(v)}`;
    }
    case 'free':
      if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
        const o = v as Record<string, unknown>;
        const extra = Object.keys(o).filter((k) => k !== 'text' && k !== 'self_assessed');
        if (typeof o.text !== 'string' || typeof o.self_assessed !== 'boolean' || extra.length > 0)
          return `expected {text: "…", self_assessed: true|false} — found ${show(v)}`;
        return { kind: 'text', text: o.text, selfAssessed: o.self_assessed };
      }
      return typeof v === 'string' ? { kind: 'text', text: v } : `expected the answer as text — found ${show(v)}`;
    default:
      if (typeof v === 'number' && item.answer_type !== 'code') return { kind: 'text', text: String(v) };
      return typeof v === 'string' ? { kind: 'text', text: v } : `expected the answer as text — found ${show(v)}`;
  }
}

const escapePointer = (k: string): string => k.replace(/~/g, '~0').replace(/\//g, '~1');

export function parseAnswers(data: unknown, items: readonly QuizItem[]): ParsedAnswers {
  const answers = new Map<string, Given>();
  const problems: AnswerProblem[] = [];
  const ignored: string[] = [];
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    problems.push({
      pointer: '',
      message:
        `expected a map from question id to answer ({q-00-01: 1, …}) — found ` +
        `${Array.isArray(data) ? 'a list' : show(data)}`,
    });
    return { answers, problems, ignored };
  }
  const byId = new Map(items.map((i) => [i.id, i]));
  for (const [id, v] of Object.entries(data as Record<string, unknown>)) {
    const pointer = `/${escapePointer(id)}`;
    const item = byId.get(id);
    if (!item) {
      problems.push({
        pointer,
        message: `unknown question id "${id}" — this quiz has ${items.map((i) => i.id).join(', ')}`,
      });
      continue;
    }
    if (item.askable === false) {
      ignored.push(id);
      continue;
    }
    const r = parseAnswerValue(item, v);
    if (typeof r === 'string') problems.push({ pointer, message: `${id} (${item.answer_type}): ${r}` });
    else answers.set(id, r);
  }
  if (problems.length === 0 && answers.size === 0) problems.push({ pointer: '', message: 'no answers in the file' });
  return { answers, problems, ignored };
}
