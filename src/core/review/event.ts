/**
 * What a line of reviews.jsonl must be before the deck replays it. A line that parses as JSON but is
 * not an event (`null`, `{}`, a number, an `at` that is not a time) is bad input, named with its line
 * (exit 2) — replaying it would crash SM-2's date arithmetic or silently drop a card.
 */
import type { ReviewEvent } from './deck.js';

const isTime = (v: unknown): boolean =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v));
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A card state: a due day (or time) a Date can hold, and SM-2's numbers. */
const isState = (v: unknown): boolean =>
  isObj(v) &&
  typeof v.due === 'string' &&
  /^\d{4}-\d{2}-\d{2}/.test(v.due) &&
  !Number.isNaN(Date.parse(v.due)) &&
  ['ease', 'interval', 'reps'].every((k) => typeof v[k] === 'number');

/**
 * Why `e` is not a review event of `learner`'s deck, or undefined when it is one. An event names the
 * learner it belongs to (issue 15: every record carries its learner); a legacy event without the field
 * is still read, one naming someone else is refused — a deck copied from another learner's folder.
 */
export function reviewEventProblem(e: unknown, learner?: string): string | undefined {
  if (!isObj(e))
    return `expected an event object, found ${e === null ? 'null' : Array.isArray(e) ? 'an array' : typeof e}`;
  if (e.learner !== undefined && typeof e.learner !== 'string')
    return `learner: expected a learner name, found ${JSON.stringify(e.learner)}`;
  if (learner !== undefined && e.learner !== undefined && e.learner !== learner)
    return `learner: expected "${learner}", found "${String(e.learner)}" — this event is another learner's`;
  if (e.kind !== 'add' && e.kind !== 'grade')
    return `kind: expected "add" or "grade", found ${JSON.stringify(e.kind) ?? 'nothing'}`;
  if (!isTime(e.at)) return `at: expected an ISO time, found ${JSON.stringify(e.at) ?? 'nothing'}`;
  if (typeof e.card !== 'string' || e.card === '') return 'card: expected a question id';
  if (typeof e.phase !== 'number' || !Number.isInteger(e.phase) || e.phase < 0 || e.phase > 41)
    return 'phase: expected 0 to 41';
  if (e.kind === 'grade') {
    if (typeof e.quality !== 'number') return 'quality: expected a number';
    if (!isState(e.before) || !isState(e.after)) return 'before/after: expected card states with a due time';
  }
  return undefined;
}

export const isReviewEvent = (e: unknown, learner?: string): e is ReviewEvent =>
  reviewEventProblem(e, learner) === undefined;
