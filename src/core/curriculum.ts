/** The compiled curriculum's shapes and the summary fast commands read (pure). */
import type { Phase, QuizBank } from '../schemas/generated/types.js';
import { nn } from './ids.js';

export interface PhaseSummary {
  id: number;
  slug: string;
  title: string;
  requires: number[];
  threshold: number;
  quiz_file: string | null;
  labs: number;
  dod: number;
  breaks: number;
  sha256: string;
}

export function summarize(phase: Phase, sha256: string): PhaseSummary {
  return {
    id: phase.id,
    slug: phase.slug,
    title: phase.title,
    requires: [...phase.requires],
    threshold: phase.quiz.threshold,
    quiz_file: phase.quiz.file ?? null,
    labs: phase.labs.length,
    dod: phase.dod.length,
    breaks: phase.breaks.length,
    sha256,
  };
}

export const phaseDirName = (p: { id: number; slug: string }): string => `phase-${nn(p.id)}-${p.slug}`;
export const docsDir = (p: Phase): string => p.docs_dir ?? `docs/${phaseDirName(p)}`;

/** Items that count toward the score (not-askable items are excluded, DESIGN §4). */
export const askableItems = (bank: QuizBank): QuizBank['items'][number][] =>
  bank.items.filter((i) => i.askable !== false);
