/**
 * learners/<name>/reviews.jsonl: the review deck's log (add and grade events). The deck is derived
 * from it by replaying SM-2 (src/core/review/deck.ts). Cards are synced from the attempt logs, so a
 * wrong answer whose card was not written (a crash between the two appends) gets it on the next sync.
 * Kept light: `reviewsDue` runs inside `lynx status`.
 */
import { closeSync, existsSync, lstatSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { verifyChain, type AttemptRecord } from '../core/attempts.js';
import { missedIds } from '../core/quiz/outcome.js';
import {
  buildDeck,
  deckFromJson,
  deckToJson,
  dueCount,
  dueSummary,
  missingCards,
  summaryFromJson,
  utcDay,
  DEFAULT_DAILY_LIMIT,
  type Card,
  type ReviewEvent,
} from '../core/review/deck.js';
import { appendToLog, readLog, tornWarning } from './jsonl-append.js';
import { reviewEventProblem } from '../core/review/event.js';
import { depthExceeded, MAX_DEPTH } from '../core/json.js';
import { InputError } from '../core/errors.js';
import { readCacheJson, writeCacheJson, type Workspace } from './workspace.js';

export const reviewsFile = (learner: string): string => `learners/${learner}/reviews.jsonl`;

/** The deck's events; `warnings` name lines that were skipped (torn by a crash, or not an event). */
export interface ReviewLog {
  events: ReviewEvent[];
  warnings: string[];
}

export function readReviews(ws: Workspace, learner: string): ReviewLog {
  const rel = reviewsFile(learner);
  const { text, torn } = readLog(ws, rel);
  const events: ReviewEvent[] = [];
  const warnings: string[] = torn ? [tornWarning(torn)] : [];
  text.split('\n').forEach((l, i) => {
    if (l.trim() === '') return;
    if (depthExceeded(l) >= 0)
      throw new InputError(`${rel}:${i + 1}:1 not a review event: nested deeper than ${MAX_DEPTH} levels`, {
        pos: { file: rel, line: i + 1, col: 1 },
      });
    let e: unknown;
    try {
      e = JSON.parse(l) as unknown;
    } catch {
      // a torn line (a crash mid-append) that a later append closed: skipped, and said so
      warnings.push(`${rel}:${i + 1}: not a review event (a torn line?) — ignored`);
      return;
    }
    const problem = reviewEventProblem(e, learner);
    if (problem !== undefined)
      throw new InputError(`${rel}:${i + 1}:1 not a review event of ${learner}'s: ${problem}`, {
        pos: { file: rel, line: i + 1, col: 1 },
        hint: problem.startsWith('learner:')
          ? `${rel} holds another learner's events (a folder copied?); a learner's deck is their own — remove ` +
            `those lines, or the file.`
          : 'reviews.jsonl is written by lynx review; restore the line from git (git checkout -p) or remove it.',
      });
    events.push(e as ReviewEvent);
  });
  return { events, warnings };
}

/** The one writer of reviews.jsonl (lynx review's grades, the cards a quiz adds): every event names its learner. */
export function appendReview(ws: Workspace, learner: string, event: ReviewEvent): void {
  const { v, learner: _given, ...rest } = event;
  appendToLog(ws, reviewsFile(learner), () => JSON.stringify({ v, learner, ...rest }));
}

/** Every attempt record of a learner, all phases (the chain is the gate's business; a miss is a miss). */
export function allAttempts(ws: Workspace, learner: string): AttemptRecord[] {
  const dir = ws.abs(`learners/${learner}`);
  if (!existsSync(dir)) return [];
  const out: AttemptRecord[] = [];
  for (const d of readdirSync(dir)
    .filter((x) => /^phase-\d{2}$/.test(x))
    .sort()) {
    const rel = `learners/${learner}/${d}/quiz-attempts.jsonl`;
    // lstat, not exists: a dangling or looping symlink in a log's place is refused by the reader, not skipped
    if (lstatSync(ws.abs(rel), { throwIfNoEntry: false }) === undefined) continue;
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
 * The replayed deck is cached in .lynx/cache/reviews-<learner>.json, keyed by the log's size, mtime
 * and a hash of its last 4 KiB: `status` on 100k events then reads one small file (issue 20). A key
 * that does not match, or a cache that does not parse, is a miss: replay the log and rewrite it.
 */
const TAIL = 4096;
const cacheName = (learner: string): string => `reviews-${learner}.json`;
const summaryName = (learner: string): string => `reviews-${learner}.due.json`;

function logKey(abs: string): string | undefined {
  try {
    const st = statSync(abs);
    // not a regular file (a FIFO would block this read): no key, so the log's own reader refuses it
    if (!st.isFile()) return undefined;
    const n = Math.min(TAIL, st.size);
    const buf = Buffer.alloc(n);
    const fd = openSync(abs, 'r');
    try {
      readSync(fd, buf, 0, n, st.size - n);
    } finally {
      closeSync(fd);
    }
    // FNV-1a: the key detects change, it does not defend against forgery (the cache is never trusted by the gate)
    let h = 0x811c9dc5;
    for (const b of buf) h = Math.imul(h ^ b, 0x01000193) >>> 0;
    return `${st.size}:${st.mtimeMs}:${h.toString(16)}`;
  } catch {
    return undefined;
  }
}

interface Replayed {
  deck: Map<string, Card>;
  warnings: string[];
  /** The log's key this deck was replayed (or read) under; undefined when the log has none. */
  key?: string | undefined;
}

/** The deck replayed from the log (through the cache), with the log's warnings. */
export function replayedDeck(ws: Workspace, learner: string): Replayed {
  const key = logKey(ws.abs(reviewsFile(learner)));
  const c = readCacheJson(ws.root, cacheName(learner)) as
    { v?: unknown; key?: unknown; warnings?: unknown; deck?: unknown } | undefined;
  if (
    key !== undefined &&
    c?.v === 1 &&
    c.key === key &&
    Array.isArray(c.warnings) &&
    c.warnings.every((w) => typeof w === 'string')
  ) {
    const deck = deckFromJson(c.deck);
    if (deck) return { deck, warnings: c.warnings, key };
  }
  const log = readReviews(ws, learner);
  const replayed = { deck: buildDeck(log.events), warnings: log.warnings, key };
  remember(ws, learner, replayed);
  return replayed;
}

function remember(ws: Workspace, learner: string, r: Replayed): void {
  const key = logKey(ws.abs(reviewsFile(learner)));
  if (key !== undefined)
    writeCacheJson(ws.root, cacheName(learner), { v: 1, key, warnings: r.warnings, deck: deckToJson(r.deck) });
}

/**
 * Add a card for every wrong answer that has none yet (one per learner and item). Under the lock.
 * Returns the ids added and the deck after.
 */
export function syncDeck(
  ws: Workspace,
  learner: string,
  records: readonly AttemptRecord[],
): { added: string[]; deck: Map<string, Card> } {
  const before = replayedDeck(ws, learner);
  const adds = missingCards(before.deck, records);
  for (const e of adds) appendReview(ws, learner, e);
  const deck = buildDeck(adds, before.deck);
  if (adds.length > 0) remember(ws, learner, { deck, warnings: before.warnings });
  return { added: adds.map((e) => e.card), deck };
}

/** The deck as `lynx review` would see it, without writing the log: cards a crash left unwritten are included. */
export function currentDeck(
  ws: Workspace,
  learner: string,
): { deck: Map<string, Card>; warnings: string[]; misses: Map<string, number> } {
  const { deck, warnings } = replayedDeck(ws, learner);
  const records = allAttempts(ws, learner);
  return { deck: buildDeck(missingCards(deck, records), deck), warnings, misses: quizMisses(records) };
}

export const dailyLimit = (ws: Workspace): number => ws.config.review?.daily_limit ?? DEFAULT_DAILY_LIMIT;

/**
 * For `lynx status`: how many review cards `lynx review` would show today (due, within today's
 * remaining daily limit). Reads only the deck's due summary (.lynx/cache/reviews-<learner>.due.json, under the
 * same key as the deck's cache) when the log has not changed: a few hundred bytes, not the 2,000-card deck
 * (issue 20). A summary whose key does not match, or that does not parse, is a miss; writes only the cache.
 */
export function reviewsDue(ws: Workspace, learner: string, now: Date = new Date()): number {
  // lstat, not exists: a dangling or looping symlink in the log's place is refused by the reader, not read as "no deck"
  try {
    lstatSync(ws.abs(reviewsFile(learner)));
  } catch {
    return 0;
  }
  const today = utcDay(now);
  const key = logKey(ws.abs(reviewsFile(learner)));
  const c = readCacheJson(ws.root, summaryName(learner)) as { v?: unknown; key?: unknown } | undefined;
  const cached = key !== undefined && c?.v === 1 && c.key === key ? summaryFromJson(c) : undefined;
  if (cached) return dueCount(cached, today, dailyLimit(ws));
  const replayed = replayedDeck(ws, learner);
  const summary = dueSummary(replayed.deck);
  // only under the key the deck was replayed under: a log appended meanwhile makes the next run replay again
  if (replayed.key !== undefined && replayed.key === key)
    writeCacheJson(ws.root, summaryName(learner), { v: 1, key, ...summary });
  return dueCount(summary, today, dailyLimit(ws));
}
