/** What `lynx review` reports: today's queue (and --json), a --grade run, an interactive session. */
import type { QuizItem } from '../quiz/grade.js';
import type { GradeName } from './sm2.js';

export interface ReviewCardInfo {
  id: string; phase: number; title: string; due: string; overdue: boolean;
  ease: number; interval: number; repetitions: number; reviews: number; misses: number;
  leech: boolean; revisit: string | null;
}

export interface ReviewReport {
  schema_version: 1; learner: string; today: string;
  /** Cards due today or earlier, before the daily limit. */
  due_total: number; limit: number; reviewed_today: number;
  cards: ReviewCardInfo[]; leeches: ReviewCardInfo[];
  deck_size: number; next_review: string | null; warnings: string[];
}

/** One grade recorded for a due card, and the schedule SM-2 gave it. */
export interface GradedCard { id: string; grade: GradeName; due: string; interval: number; ease: number }

/** `lynx review --grade ID=GRADE …`. */
export interface ReviewGradeResult { schema_version: 1; graded: GradedCard[] }

/** The interactive review: how many of the cards shown were graded (every grade is already recorded). */
export interface ReviewSessionResult { graded: number; shown: number }

/** A due card as the interactive review shows it: the question behind it, and the page a leech names. */
export interface ReviewSessionCard {
  id: string;
  phase: number;
  item: QuizItem;
  due: string;
  /** Set when the card was missed LEECH_MISSES times or more. */
  leech: { misses: number; page: string } | undefined;
}
