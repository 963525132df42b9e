/**
 * The interactive quiz's data as the use case (src/app/quiz.ts) and the ink screens share it: what a
 * finished attempt reports, what is saved after every answer, what a resumed attempt restores, and
 * how the session ended. Types only, so neither side imports the other.
 */
import type { Revisit } from './concepts.js';
import type { Given, Graded } from './grade.js';

/** The end of an attempt as the summary screen shows it. */
export interface FinishInfo {
  score: number; points: number; total: number; passed: boolean; threshold: number;
  missed: { id: string; title: string; verdict: string }[];
  added: string[]; already: string[];
  today: string; nextReview: string | undefined;
  cooldownUntil: string | undefined;
  revisit: Revisit[];
  warnings: string[];
  /** Items the learner judged right against the model answer: counted, flagged for a teacher's review. */
  selfAssessed?: string[];
}

/** What is saved after every answer (and on leaving): enough to resume the attempt. */
export interface Snapshot { index: number; answers: Record<string, Given>; graded: Record<string, Graded>; revealed: string[]; drafts: Record<string, string>; elapsedMs: number }

/** A saved unfinished attempt, as the session reopens it. */
export interface Restored { index: number; answers: Record<string, Given>; graded: Record<string, Graded>; revealed: string[]; drafts?: Record<string, string>; elapsedMs: number; startedAt: string }

/** How the learner ended the session: finished (and passed or not), or left with answers and drafts saved. */
export type QuizExit = { kind: 'finished'; passed: boolean } | { kind: 'left'; answered: number; drafts: number };

/** `lynx quiz NN` in a terminal: the result kind the entry point turns into 0 / 1 / 130. */
export interface QuizSessionResult { phase: number; exit: QuizExit }
