/**
 * learners/<name>/reviews.jsonl: the review deck's log (add and grade events). The deck is derived
 * from it by replaying SM-2 (src/core/review/deck.ts). Cards are synced from the attempt logs, so a
 * wrong answer whose card was not written (a crash between the two appends) gets it on the next sync.
 * Kept light: `reviewsDue` runs inside `lynx status`.
 */
import { existsSync, readdirSync } from 'node:fs';
import { verifyChain, type AttemptRecord } from '../core/attempts.js';
import { missedIds } from '../core/quiz/outcome.js';
import { buildDeck, dueCards, missingCards, utcDay, DEFAULT_DAILY_LIMIT, type Card, type ReviewEvent } from '../core/review/deck.js';
import { appendToLog, readLog, tornWarning } from './jsonl-append.js';
import type { Workspace } from './workspace.js';

export const reviewsFile = (learner: string): string => `learners/${learner}/reviews.jsonl`;

/** The deck's events; `warnings` name lines that were skipped (torn by a crash, or not an event). */
export interface ReviewLog { events: ReviewEvent[]; warnings: string[] }

export function readReviews(ws: Workspace, learner: string): ReviewLog {
  const rel = reviewsFile(learner);
  const { text, torn } = readLog(ws, rel);
  const events: ReviewEvent[] = [];
  const warnings: string[] = torn ? [tornWarning(torn)] : [];
  text.split('\n').forEach((l, i) => {
    if (l.trim() === '') return;
    try {
      const e = JSON.parse(l) as ReviewEvent;
      if (e.kind === 'add' || e.kind === 'grade') { events.push(e); return; }
    } catch { /* a torn line closed by a later append */ }
    warnings.push(`${rel}:${i + 1}: not a review event (a torn line?) — ignored`);
  });
  return { events, warnings };
}

export function appendReview(ws: Workspace, learner: string, event: ReviewEvent): void {
  appendToLog(ws, reviewsFile(learner), () => JSON.stringify(event));
}

/** Every attempt record of a learner, all phases (the chain is the gate's business; a miss is a miss). */
export function allAttempts(ws: Workspace, learner: string): AttemptRecord[] {
  const dir = ws.abs(`learners/${learner}`);
  if (!existsSync(dir)) return [];
  const out: AttemptRecord[] = [];
  for (const d of readdirSync(dir).filter((x) => /^phase-\d{2}$/.test(x)).sort()) {
    const rel = `learners/${learner}/${d}/quiz-attempts.jsonl`;
    if (!existsSync(ws.abs(rel))) continue;
    out.push(...verifyChain(readLog(ws, rel).text, rel).records);
  }
  return out;
}

/** How often each item was answered wrong in quiz attempts (for leeches). */
export function quizMisses(records: readonly AttemptRecord[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of records) for (const id of missedIds(r)) m.set(id, (m.get(id) ?? 0) + 1);
  return m;
}

/**
 * Add a card for every wrong answer that has none yet (one per learner and item). Under the lock.
 * Returns the ids added and the deck after.
 */
export function syncDeck(ws: Workspace, learner: string, records: readonly AttemptRecord[]): { added: string[]; deck: Map<string, Card> } {
  const events = readReviews(ws, learner).events;
  const adds = missingCards(buildDeck(events), records);
  for (const e of adds) appendReview(ws, learner, e);
  return { added: adds.map((e) => e.card), deck: buildDeck([...events, ...adds]) };
}

/** The deck as `lynx review` would see it, without writing: cards a crash left unwritten are included. */
export function currentDeck(ws: Workspace, learner: string): { deck: Map<string, Card>; events: ReviewEvent[]; warnings: string[]; misses: Map<string, number> } {
  const log = readReviews(ws, learner);
  const records = allAttempts(ws, learner);
  const events = [...log.events, ...missingCards(buildDeck(log.events), records)];
  return { deck: buildDeck(events), events, warnings: log.warnings, misses: quizMisses(records) };
}

export const dailyLimit = (ws: Workspace): number => ws.config.review?.daily_limit ?? DEFAULT_DAILY_LIMIT;

/**
 * For `lynx status`: how many review cards `lynx review` would show today (due, within today's
 * remaining daily limit). Reads one small file; never writes.
 */
export function reviewsDue(ws: Workspace, learner: string, now: Date = new Date()): number {
  if (!existsSync(ws.abs(reviewsFile(learner)))) return 0;
  return dueCards(buildDeck(readReviews(ws, learner).events), utcDay(now), dailyLimit(ws)).due.length;
}
