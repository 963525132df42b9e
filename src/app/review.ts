/**
 * `lynx review`: today's due review cards (wrong quiz answers), scheduled by SM-2, and grading them.
 * Every grade is one line in learners/<name>/reviews.jsonl (the state before and after), written
 * under the lock from a deck read fresh from the log.
 */
import { UsageError } from '../core/errors.js';
import { askableItems, docsDir } from '../core/curriculum.js';
import { theoryPage } from '../core/quiz/concepts.js';
import type { QuizItem } from '../core/quiz/grade.js';
import { dueCards, gradeEvent, isLeech, misses, nextDue, utcDay, type Card } from '../core/review/deck.js';
import type { GradeName } from '../core/review/sm2.js';
import type { GradedCard, ReviewCardInfo, ReviewGradeResult, ReviewReport, ReviewSessionCard } from '../core/review/results.js';
import { loadPhase, loadQuizBank } from '../io/curriculum.js';
import { openWorkspace, resolveLearner, type Workspace } from '../io/workspace.js';
import { allAttempts, appendReview, currentDeck, dailyLimit, syncDeck } from '../io/review-store.js';
import { withLock } from '../io/lock.js';

export type { ReviewCardInfo, ReviewReport } from '../core/review/results.js';

/** Each card's quiz item and theory page, by card id (the screens show the question; a leech names the page). */
export type ReviewItems = Map<string, { item: QuizItem; page: string }>;

/** The quiz items behind the cards, with the theory page of each (for leeches). */
async function itemsFor(ws: Workspace, cards: Iterable<Card>): Promise<ReviewItems> {
  const out: ReviewItems = new Map();
  for (const phaseId of new Set([...cards].map((c) => c.phase))) {
    const phase = await loadPhase(ws, phaseId).catch(() => undefined);
    const bank = phase ? await loadQuizBank(ws, phase) : undefined;
    if (!phase || !bank) continue;
    const docs = `${ws.config.docs ?? 'docs'}/${docsDir(phase).replace(/^docs\//, '')}`;
    for (const item of askableItems(bank)) out.set(item.id, { item, page: theoryPage(phase, item, docs) });
  }
  return out;
}

function info(c: Card, today: string, m: Map<string, number>, items: ReviewItems): ReviewCardInfo {
  const it = items.get(c.id);
  const leech = isLeech(c, m);
  return {
    id: c.id, phase: c.phase, title: it?.item.title ?? '', due: c.state.due, overdue: c.state.due < today,
    ease: Math.round(c.state.ease * 1000) / 1000, interval: c.state.interval, repetitions: c.state.reps, reviews: c.reviews,
    misses: misses(c, m), leech, revisit: leech ? it?.page ?? null : null,
  };
}

export async function reviewQueue(opts: { cwd: string; learner: string | undefined; limit?: number | undefined; now?: Date }): Promise<ReviewReport & { items: ReviewItems }> {
  const ws = await openWorkspace(opts.cwd);
  const learner = resolveLearner(ws, opts.learner);
  const now = opts.now ?? new Date();
  const today = utcDay(now);
  const limit = opts.limit ?? dailyLimit(ws);
  const { deck, warnings, misses: m } = currentDeck(ws, learner);
  const { due, total } = dueCards(deck, today, limit);
  const items = await itemsFor(ws, deck.values());
  const all = [...deck.values()];
  return {
    schema_version: 1, learner, today, due_total: total, limit, reviewed_today: all.filter((c) => c.lastReviewed?.slice(0, 10) === today).length,
    cards: due.map((c) => info(c, today, m, items)),
    leeches: all.filter((c) => isLeech(c, m)).map((c) => info(c, today, m, items)),
    deck_size: deck.size, next_review: nextDue(deck, today) ?? null, warnings, items,
  };
}

/** Record one grade for a card due today (fresh from the log, under the lock). */
export async function gradeCard(opts: { cwd: string; learner: string | undefined; id: string; grade: GradeName; now?: Date }): Promise<GradedCard> {
  const ws = await openWorkspace(opts.cwd);
  const learner = resolveLearner(ws, opts.learner);
  const now = opts.now ?? new Date();
  return withLock(ws.root, 'lynx review', () => {
    const { deck } = syncDeck(ws, learner, allAttempts(ws, learner));
    const card = deck.get(opts.id);
    if (!card) throw new UsageError(`${opts.id} is not in ${learner}'s review deck`, { hint: 'Cards come from wrong quiz answers; `lynx review --json` lists the deck\'s due cards.' });
    if (card.state.due > utcDay(now)) throw new UsageError(`${opts.id} is not due until ${card.state.due}`, { hint: 'Only due cards are graded: SM-2 schedules the next review from the grade.' });
    const e = gradeEvent(card, opts.grade, now);
    appendReview(ws, learner, e);
    return Promise.resolve({ id: card.id, grade: opts.grade, due: e.after.due, interval: e.after.interval, ease: e.after.ease });
  });
}

/** `lynx review --grade ID=GRADE …`: each grade in order (a card due today, fresh from the log). */
export async function reviewGrades(opts: { cwd: string; learner: string | undefined; grades: { id: string; grade: GradeName }[]; now?: Date }): Promise<ReviewGradeResult> {
  const graded: GradedCard[] = [];
  for (const g of opts.grades) graded.push(await gradeCard({ cwd: opts.cwd, learner: opts.learner, ...g, ...(opts.now ? { now: opts.now } : {}) }));
  return { schema_version: 1, graded };
}

/** The interactive review of today's queue: its cards, a grade that is recorded at once, the next review date after it. */
export interface ReviewSession {
  report: ReviewReport;
  cards: ReviewSessionCard[];
  grade: (id: string, grade: GradeName) => Promise<{ due: string }>;
  nextReview: () => string | undefined;
}

export async function openReviewSession(opts: { cwd: string; learner: string | undefined; limit?: number | undefined }): Promise<ReviewSession> {
  const { items, ...report } = await reviewQueue(opts);
  const cards = report.cards.flatMap((c) => {
    const it = items.get(c.id);
    return it ? [{ id: c.id, phase: c.phase, item: it.item, due: c.due, leech: c.leech ? { misses: c.misses, page: it.page } : undefined }] : [];
  });
  let next = report.next_review ?? undefined;
  return {
    report, cards, nextReview: () => next,
    grade: async (id, grade) => {
      const r = await gradeCard({ cwd: opts.cwd, learner: report.learner, id, grade });
      next = (await reviewQueue({ cwd: opts.cwd, learner: report.learner })).next_review ?? undefined;
      return { due: r.due };
    },
  };
}
