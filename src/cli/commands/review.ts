/**
 * lynx review: today's due review cards (wrong quiz answers), scheduled by SM-2. Interactive in a
 * terminal; `--json` lists the queue and `--grade ID=good` grades without one. Every grade is one
 * line in learners/<name>/reviews.jsonl (the state before and after), written under the lock.
 */
import { UsageError } from '../../core/errors.js';
import { askableItems, docsDir } from '../../core/curriculum.js';
import { theoryPage } from '../../core/quiz/concepts.js';
import type { QuizItem } from '../../core/quiz/grade.js';
import { dueCards, gradeEvent, isLeech, misses, nextDue, utcDay, type Card } from '../../core/review/deck.js';
import { GRADE_NAMES, type GradeName } from '../../core/review/sm2.js';
import { loadPhase, loadQuizBank } from '../../io/curriculum.js';
import { openWorkspace, resolveLearner, type Workspace } from '../../io/workspace.js';
import { allAttempts, appendReview, currentDeck, dailyLimit, syncDeck } from '../../io/review-store.js';
import { withLock } from '../../io/lock.js';
import type { Ctx } from '../context.js';

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

interface Loaded { ws: Workspace; learner: string; items: Map<string, { item: QuizItem; page: string }> }

/** The quiz items behind the cards, with the theory page of each (for leeches). */
async function itemsFor(ws: Workspace, cards: Iterable<Card>): Promise<Loaded['items']> {
  const out: Loaded['items'] = new Map();
  for (const phaseId of new Set([...cards].map((c) => c.phase))) {
    const phase = await loadPhase(ws, phaseId).catch(() => undefined);
    const bank = phase ? await loadQuizBank(ws, phase) : undefined;
    if (!phase || !bank) continue;
    const docs = `${ws.config.docs ?? 'docs'}/${docsDir(phase).replace(/^docs\//, '')}`;
    for (const item of askableItems(bank)) out.set(item.id, { item, page: theoryPage(phase, item, docs) });
  }
  return out;
}

function info(c: Card, today: string, m: Map<string, number>, items: Loaded['items']): ReviewCardInfo {
  const it = items.get(c.id);
  const leech = isLeech(c, m);
  return {
    id: c.id, phase: c.phase, title: it?.item.title ?? '', due: c.state.due, overdue: c.state.due < today,
    ease: Math.round(c.state.ease * 1000) / 1000, interval: c.state.interval, repetitions: c.state.reps, reviews: c.reviews,
    misses: misses(c, m), leech, revisit: leech ? it?.page ?? null : null,
  };
}

export async function reviewQueue(opts: { cwd: string; learner: string | undefined; limit?: number | undefined; now?: Date }): Promise<ReviewReport & { items: Loaded['items'] }> {
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
export async function gradeCard(opts: { cwd: string; learner: string | undefined; id: string; grade: GradeName; now?: Date }): Promise<{ id: string; grade: GradeName; due: string; interval: number; ease: number }> {
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

function parseGrade(s: string): { id: string; grade: GradeName } {
  const m = /^([^=\s]+)=(\w+)$/.exec(s.trim());
  const grade = m?.[2]?.toLowerCase() as GradeName | undefined;
  if (!m?.[1] || !grade || !GRADE_NAMES.includes(grade)) throw new UsageError(`--grade ${s}: expected ID=${GRADE_NAMES.join('|')} (e.g. q-00-03=good)`);
  return { id: m[1], grade };
}

export async function reviewCommand(ctx: Ctx, opts: { limit?: string; grade?: string[] }): Promise<number> {
  const limit = opts.limit === undefined ? undefined : Number(opts.limit);
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) throw new UsageError(`--limit ${opts.limit}: expected a whole number of cards, 1 or more`);
  if (opts.grade && opts.grade.length > 0) {
    const done = [];
    for (const g of opts.grade.map(parseGrade)) done.push(await gradeCard({ cwd: ctx.cwd, learner: ctx.learner, ...g }));
    if (ctx.json) ctx.out(JSON.stringify({ schema_version: 1, graded: done }, null, 2));
    else for (const d of done) ctx.out(`✓ ${d.id}: ${d.grade} — next review ${d.due} (in ${d.interval} day${d.interval === 1 ? '' : 's'})`);
    return 0;
  }
  const q = await reviewQueue({ cwd: ctx.cwd, learner: ctx.learner, limit });
  const { items, ...report } = q;
  if (ctx.json) { ctx.out(JSON.stringify(report, null, 2)); return 0; }
  if (!ctx.isTTY && report.due_total === 0) {
    // nothing to review is not bad usage: say so and when the next card is due
    ctx.out(`No review cards due today (${report.today})${report.next_review ? `; the next is due ${report.next_review}` : report.deck_size === 0 ? '; the deck is empty (wrong quiz answers become cards)' : ''}.`);
    return 0;
  }
  if (!ctx.isTTY) {
    throw new UsageError('lynx review is interactive and needs a terminal', { hint: '`lynx review --json` lists today\'s due cards; `lynx review --grade q-00-03=good` grades one (again|hard|good|easy).' });
  }
  const { runReview } = await import('./review-tty.js');
  return runReview(ctx, report, items);
}
