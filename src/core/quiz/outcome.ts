/**
 * What a finished attempt means (pure): the attempt record, the checkpoint's quiz summary and the
 * retake cooldown — all derived from the attempt log, so a crash between writes heals on the next
 * write and editing checkpoint.json cannot lift a cooldown.
 */
import type { AttemptRecord } from '../attempts.js';
import type { Checkpoint } from '../../schemas/generated/types.js';
import type { Graded, Score } from './grade.js';

export type QuizState = NonNullable<Checkpoint['quiz']>;

export const DEFAULT_COOLDOWN_MINUTES = 5;
/** Doubling stops at a day: long enough to stop brute force, short enough not to stall a phase. */
const MAX_COOLDOWN_MINUTES = 24 * 60;

export function buildRecord(a: {
  at: Date;
  startedAt: Date;
  phase: number;
  learner: string;
  bankSha256: string;
  mode: AttemptRecord['mode'];
  graded: readonly Graded[];
  score: Score;
  threshold: number;
  durationMs: number;
}): Omit<AttemptRecord, 'prev'> {
  return {
    v: 1,
    at: a.at.toISOString(),
    phase: a.phase,
    learner: a.learner,
    bank_sha256: a.bankSha256,
    mode: a.mode,
    answers: a.graded.map((g) => ({ id: g.id, answer: g.answer, verdict: g.verdict, points: g.points })),
    score: a.score.score,
    threshold: a.threshold,
    passed: a.score.passed,
    duration_ms: Math.round(a.durationMs),
    started_at: a.startedAt.toISOString(),
  };
}

export function consecutiveFails(records: readonly AttemptRecord[]): number {
  let n = 0;
  for (let i = records.length - 1; i >= 0 && records[i]?.passed === false; i--) n++;
  return n;
}

/** Minutes to wait after the n-th failure in a row: base, 2×base, 4×base, … capped at a day. */
export const cooldownMinutes = (fails: number, base: number): number =>
  fails <= 0 ? 0 : Math.min(MAX_COOLDOWN_MINUTES, base * 2 ** (fails - 1));

export function cooldownUntil(records: readonly AttemptRecord[], base: number): Date | undefined {
  const fails = consecutiveFails(records);
  const last = records[records.length - 1];
  if (fails === 0 || !last || base <= 0) return undefined;
  return new Date(Date.parse(last.at) + cooldownMinutes(fails, base) * 60_000);
}

export function quizSummary(records: readonly AttemptRecord[], base: number): QuizState {
  const last = records[records.length - 1];
  if (!last) return { attempts: 0 };
  const until = cooldownUntil(records, base);
  return {
    last: last.score,
    best: Math.max(...records.map((r) => r.score)),
    attempts: records.length,
    passed: last.passed,
    last_at: last.at,
    consecutive_fails: consecutiveFails(records),
    ...(until ? { cooldown_until: until.toISOString() } : {}),
  };
}

/** Items answered wrong (or skipped) in an attempt: each becomes a review card. */
export const missedIds = (r: Pick<AttemptRecord, 'answers'>): string[] =>
  r.answers.filter((a) => a.points === 0).map((a) => a.id);
