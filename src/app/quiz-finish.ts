/**
 * Grading one answer (a code answer runs in the sandbox first) and recording a finished attempt:
 * one hash-chained log line, the checkpoint's quiz summary and a review card for every miss, under
 * the workspace lock — or, for practice, one plain line apart from the record.
 */
import type { AttemptRecord } from '../core/attempts.js';
import { nn } from '../core/ids.js';
import { gradeItem, scoreOf, type Given, type Graded, type QuizItem } from '../core/quiz/grade.js';
import { buildRecord, cooldownUntil, missedIds } from '../core/quiz/outcome.js';
import { cleanTitle } from '../core/quiz/plain.js';
import type { FinishInfo } from '../core/quiz/session-results.js';
import { utcDay } from '../core/review/deck.js';
import { appendToLog } from '../io/jsonl-append.js';
import { syncDeck } from '../io/review-store.js';
import { withLock } from '../io/lock.js';
import { revisitFor, type QuizSetup } from './quiz-setup.js';

/** Grade one answer; a code answer runs first (2 s, 64 MB). */
export async function gradeOne(item: QuizItem, given: Given | undefined): Promise<Graded> {
  if (item.answer_type === 'code' && given?.kind === 'text' && given.text.trim() !== '') {
    const { runCode } = await import('../io/code-runner.js');
    return gradeItem(item, given, await runCode(given.text, item.stdin));
  }
  return gradeItem(item, given);
}

export interface Finished {
  record: Omit<AttemptRecord, 'prev'>;
  info: FinishInfo;
  attempt: number;
}

/** Record a finished attempt: one chained line, the checkpoint, a card for every miss. */
export async function finishAttempt(
  setup: QuizSetup,
  graded: readonly Graded[],
  mode: AttemptRecord['mode'],
  startedAt: Date,
  durationMs: number,
  now = new Date(),
): Promise<Finished> {
  const score = scoreOf(graded, setup.items.length, setup.threshold);
  const record = buildRecord({
    at: now,
    startedAt,
    phase: setup.phase.id,
    learner: setup.learner,
    bankSha256: setup.bankSha,
    mode,
    graded,
    score,
    threshold: setup.threshold,
    durationMs,
  });
  if (setup.practice) return finishPractice(setup, graded, record, score, now);
  return withLock(setup.ws.root, `lynx quiz ${nn(setup.phase.id)}`, async () => {
    const [{ recordAttempt }, { saveCheckpoint }] = await Promise.all([
      import('../io/quiz-record.js'),
      import('./progress.js'),
    ]);
    // the deck is read (a bad reviews.jsonl refused) before anything is appended: validate first, write after
    const before = syncDeck(setup.ws, setup.learner, []).deck;
    const log = await recordAttempt(setup.ws, record, setup.cooldownBase, saveCheckpoint); // and progress.md
    const missed = missedIds(record);
    const { added, deck } = syncDeck(setup.ws, setup.learner, log.records);
    const dues = missed
      .map((id) => deck.get(id)?.state.due)
      .filter((d): d is string => d !== undefined)
      .sort();
    const until = cooldownUntil(log.records, setup.cooldownBase);
    const byId = new Map(setup.items.map((i) => [i.id, i]));
    const info: FinishInfo = {
      score: score.score,
      points: score.points,
      total: score.total,
      passed: score.passed,
      threshold: setup.threshold,
      missed: graded
        .filter((g) => g.points === 0)
        .map((g) => ({ id: g.id, title: cleanTitle(byId.get(g.id)?.title ?? ''), verdict: g.verdict })),
      added: added.filter((id) => missed.includes(id)),
      already: missed.filter((id) => before.has(id)),
      today: utcDay(now),
      nextReview: dues[0],
      cooldownUntil: until && until > now ? until.toISOString() : undefined,
      revisit: revisitFor(setup, missed),
      warnings: [],
      selfAssessed: graded.filter((g) => g.verdict === 'self-assessed' && g.points === 1).map((g) => g.id),
    };
    return { record, info, attempt: log.records.length };
  });
}

/** learners/<name>/phase-NN/quiz-practice.jsonl: practice attempts, apart from the chained record. */
export const practiceFile = (learner: string, phase: number): string =>
  `learners/${learner}/phase-${nn(phase)}/quiz-practice.jsonl`;

/** A practice attempt: one plain line in its own log; the attempt log, checkpoint, cooldown and deck are untouched. */
async function finishPractice(
  setup: QuizSetup,
  graded: readonly Graded[],
  record: Omit<AttemptRecord, 'prev'>,
  score: ReturnType<typeof scoreOf>,
  now: Date,
): Promise<Finished> {
  return withLock(setup.ws.root, `lynx quiz ${nn(setup.phase.id)} --practice`, () => {
    const rel = practiceFile(setup.learner, setup.phase.id);
    appendToLog(setup.ws, rel, () => JSON.stringify({ ...record, practice: true }));
    const byId = new Map(setup.items.map((i) => [i.id, i]));
    const missed = graded.filter((g) => g.points === 0);
    const info: FinishInfo = {
      score: score.score,
      points: score.points,
      total: score.total,
      passed: score.passed,
      threshold: setup.threshold,
      missed: missed.map((g) => ({ id: g.id, title: cleanTitle(byId.get(g.id)?.title ?? ''), verdict: g.verdict })),
      added: [],
      already: [],
      today: utcDay(now),
      nextReview: undefined,
      cooldownUntil: undefined,
      revisit: revisitFor(
        setup,
        missed.map((g) => g.id),
      ),
      warnings: [
        ...(setup.closedNote !== undefined ? [setup.closedNote] : []),
        'practice: recorded apart in quiz-practice.jsonl — it does not count for the phase, start a cooldown or ' +
          'add review cards',
      ],
      selfAssessed: graded.filter((g) => g.verdict === 'self-assessed' && g.points === 1).map((g) => g.id),
    };
    return Promise.resolve({ record, info, attempt: 0 });
  });
}
