/**
 * Where to revisit a concept (pure): the phase's theory page that best matches an item's tags and
 * title, by shared words with the page's file name and read-order note. Used after a failed attempt
 * and for leech cards ("revisit this concept").
 */
import type { Phase } from '../../schemas/generated/types.js';
import { contentWords, prepare } from './text-match.js';
import type { QuizItem } from './grade.js';

export interface Revisit {
  id: string;
  phase: number;
  concepts: string[];
  page: string;
}

/** docsDir is the workspace-relative docs directory of the phase (docs/phase-NN-<slug>). */
export function theoryPage(phase: Phase, item: QuizItem, docsDir: string): string {
  const want = contentWords(prepare(`${item.tags.join(' ')} ${item.title ?? ''}`));
  let best: { path: string; score: number } | undefined;
  for (const r of phase.read_order ?? []) {
    if (!/^theory\//.test(r.path)) continue;
    const have = contentWords(prepare(`${r.path.replace(/\.md$/, '')} ${r.note ?? ''}`));
    const score = [...want].filter((w) => have.has(w)).length;
    if (!best || score > best.score) best = { path: r.path, score };
  }
  return best && best.score > 0 ? `${docsDir}/${best.path}` : `${docsDir}/theory/`;
}

export function revisit(phase: Phase, items: readonly QuizItem[], docsDir: string): Revisit[] {
  return items.map((i) => ({ id: i.id, phase: phase.id, concepts: [...i.tags], page: theoryPage(phase, i, docsDir) }));
}
