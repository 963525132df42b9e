/**
 * The review deck (pure), derived from learners/<name>/reviews.jsonl: `add` events create a card
 * (one per learner and item, from a wrong quiz answer), `grade` events replay through SM-2. Each
 * grade event also records the state before and after, so another scheduler can replay the same log.
 * Dates are UTC calendar days (YYYY-MM-DD).
 */
import { NEW_CARD, sm2, GRADES, type GradeName, type Sm2State } from './sm2.js';

export interface CardState extends Sm2State {
  due: string;
}

/** `learner`: whose deck the event belongs to (written on every new event; absent on legacy ones). */
export type ReviewEvent =
  | { v: 1; learner?: string; kind: 'add'; at: string; card: string; phase: number; from: 'quiz'; attempt_at: string }
  | {
      v: 1;
      learner?: string;
      kind: 'grade';
      at: string;
      card: string;
      phase: number;
      grade: GradeName;
      quality: number;
      before: CardState;
      after: CardState;
    };

export interface Card {
  id: string;
  phase: number;
  added: string;
  state: CardState;
  reviews: number;
  /** Grades below 3 (Again, Hard). */
  lapses: number;
  lastReviewed: string | undefined;
}

/** Misses before a card is a leech: it needs the concept re-read, not more drilling. */
export const LEECH_MISSES = 8;
export const DEFAULT_DAILY_LIMIT = 30;

export const utcDay = (d: Date | string): string =>
  (typeof d === 'string' ? new Date(d) : d).toISOString().slice(0, 10);
/** The last day a schedule can name: SM-2 intervals grow geometrically and would leave the Date range. */
export const LAST_DAY = '9999-12-31';
const LAST_MS = Date.parse(`${LAST_DAY}T00:00:00Z`);

/** `day` + n days, clamped to LAST_DAY (an interval past the Date range crashed `lynx review`: "Invalid time value").
 * */
export function addDays(day: string, n: number): string {
  const start = Date.parse(`${day}T00:00:00Z`);
  const ms = start + n * 86_400_000;
  if (!Number.isFinite(ms) || ms > LAST_MS) return Number.isFinite(start) && start > LAST_MS ? day : LAST_DAY;
  return new Date(ms).toISOString().slice(0, 10);
}

/** Replay events through SM-2, onto a copy of `from` when given (a cached deck plus newer events). */
export function buildDeck(events: readonly ReviewEvent[], from?: ReadonlyMap<string, Card>): Map<string, Card> {
  const deck = new Map<string, Card>();
  for (const [id, c] of from ?? []) deck.set(id, { ...c, state: { ...c.state } });
  for (const e of events) {
    const card = deck.get(e.card);
    if (e.kind === 'add') {
      if (!card)
        deck.set(e.card, {
          id: e.card,
          phase: e.phase,
          added: e.at,
          state: { ...NEW_CARD, due: addDays(utcDay(e.at), 1) },
          reviews: 0,
          lapses: 0,
          lastReviewed: undefined,
        });
      continue;
    }
    if (!card || !(e.grade in GRADES)) continue; // a grade for a card never added: nothing to schedule
    const q = GRADES[e.grade];
    const next = sm2(card.state, q);
    card.state = { ...next, due: addDays(utcDay(e.at), next.interval) };
    card.reviews++;
    if (q < 3) card.lapses++;
    card.lastReviewed = e.at;
  }
  return deck;
}

/** The event that records a grade: the state before, and the SM-2 state after. */
export function gradeEvent(card: Card, grade: GradeName, at: Date): Extract<ReviewEvent, { kind: 'grade' }> {
  const next = sm2(card.state, GRADES[grade]);
  const day = utcDay(at);
  return {
    v: 1,
    kind: 'grade',
    at: at.toISOString(),
    card: card.id,
    phase: card.phase,
    grade,
    quality: GRADES[grade],
    before: { ...card.state },
    after: { ...next, due: addDays(day, next.interval) },
  };
}

export const reviewedOn = (deck: Map<string, Card>, day: string): number =>
  [...deck.values()].filter((c) => c.lastReviewed !== undefined && utcDay(c.lastReviewed) === day).length;

/** Today's queue: due on or before today, overdue first, at most `limit` a day (cards already reviewed today count). */
export function dueCards(deck: Map<string, Card>, today: string, limit: number): { due: Card[]; total: number } {
  const all = [...deck.values()]
    .filter((c) => c.state.due <= today)
    .sort((a, b) => a.state.due.localeCompare(b.state.due) || a.phase - b.phase || a.id.localeCompare(b.id));
  const room = Math.max(0, limit - reviewedOn(deck, today));
  return { due: all.slice(0, room), total: all.length };
}

/** quizMisses: how often each item was answered wrong in quiz attempts. */
export const misses = (card: Card, quizMisses: ReadonlyMap<string, number>): number =>
  card.lapses + (quizMisses.get(card.id) ?? 0);
export const isLeech = (card: Card, quizMisses: ReadonlyMap<string, number>): boolean =>
  misses(card, quizMisses) >= LEECH_MISSES;

/** The first day on which some card is due, after today. */
export function nextDue(deck: Map<string, Card>, today: string): string | undefined {
  return [...deck.values()]
    .map((c) => c.state.due)
    .filter((d) => d > today)
    .sort()[0];
}

/**
 * The `add` events a deck lacks: one card per item answered wrong in any attempt (a second miss
 * does not duplicate it). Attempts are taken in time order; a card is due the day after its miss.
 */
export function missingCards(
  deck: ReadonlyMap<string, Card>,
  attempts: readonly { at: string; phase: number; answers: readonly { id: string; points: number }[] }[],
): ReviewEvent[] {
  const out: ReviewEvent[] = [];
  const seen = new Set(deck.keys());
  for (const r of [...attempts].sort((a, b) => a.at.localeCompare(b.at))) {
    for (const a of r.answers) {
      if (a.points !== 0 || seen.has(a.id)) continue;
      seen.add(a.id);
      out.push({ v: 1, kind: 'add', at: r.at, card: a.id, phase: r.phase, from: 'quiz', attempt_at: r.at });
    }
  }
  return out;
}

/** A deck as JSON (the derived-state cache in .lynx/cache), and back; anything malformed is undefined, never trusted.
 * */
export const deckToJson = (deck: ReadonlyMap<string, Card>): Card[] => [...deck.values()];

export function deckFromJson(x: unknown): Map<string, Card> | undefined {
  if (!Array.isArray(x)) return undefined;
  const deck = new Map<string, Card>();
  for (const c of x as Partial<Card>[]) {
    const st = c?.state;
    const ok =
      typeof c?.id === 'string' &&
      typeof c.phase === 'number' &&
      typeof c.added === 'string' &&
      typeof c.reviews === 'number' &&
      typeof c.lapses === 'number' &&
      (c.lastReviewed === undefined || typeof c.lastReviewed === 'string') &&
      typeof st === 'object' &&
      st !== null &&
      typeof st.due === 'string' &&
      typeof st.ease === 'number' &&
      typeof st.interval === 'number' &&
      typeof st.reps === 'number';
    if (!ok) return undefined;
    deck.set(c.id as string, c as Card);
  }
  return deck;
}

/**
 * All `lynx status` needs of a deck: how many cards fall due on each day, and how many were last reviewed on
 * each day (today's reviews use up the daily limit). A few hundred bytes beside a deck of 2,000 cards, so
 * status reads this instead of the deck (issue 20); `dueCount` gives what `dueCards(…).due.length` gives.
 */
export interface DueSummary {
  due: [string, number][];
  reviewed: [string, number][];
}

const histogram = (days: Iterable<string>): [string, number][] => {
  const m = new Map<string, number>();
  for (const d of days) m.set(d, (m.get(d) ?? 0) + 1);
  return [...m].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
};

export function dueSummary(deck: ReadonlyMap<string, Card>): DueSummary {
  const cards = [...deck.values()];
  return {
    due: histogram(cards.map((c) => c.state.due)),
    reviewed: histogram(cards.flatMap((c) => (c.lastReviewed === undefined ? [] : [utcDay(c.lastReviewed)]))),
  };
}

export function dueCount(s: DueSummary, today: string, limit: number): number {
  let due = 0;
  for (const [day, n] of s.due) if (day <= today) due += n;
  const done = s.reviewed.find(([day]) => day === today)?.[1] ?? 0;
  return Math.min(due, Math.max(0, limit - done));
}

/** A summary read back from the cache; anything malformed is undefined, never trusted. */
export function summaryFromJson(x: unknown): DueSummary | undefined {
  const s = x as Partial<DueSummary> | null;
  const rows = (v: unknown): v is [string, number][] =>
    Array.isArray(v) &&
    v.every(
      (r) =>
        Array.isArray(r) &&
        r.length === 2 &&
        typeof r[0] === 'string' &&
        /^\d{4}-\d{2}-\d{2}$/.test(r[0]) &&
        Number.isSafeInteger(r[1]) &&
        (r[1] as number) > 0,
    );
  return s !== null && typeof s === 'object' && rows(s.due) && rows(s.reviewed)
    ? { due: s.due, reviewed: s.reviewed }
    : undefined;
}
