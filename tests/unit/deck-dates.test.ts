/** SM-2 schedules clamp at the last representable day instead of crashing ("Invalid time value", exit 3). */
import { describe, expect, it } from 'vitest';
import {
  addDays,
  buildDeck,
  deckFromJson,
  deckToJson,
  gradeEvent,
  LAST_DAY,
  type ReviewEvent,
} from '../../src/core/review/deck.js';

describe('review dates', () => {
  it('adds days within the Date range', () => {
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(addDays('2026-01-01', 0)).toBe('2026-01-01');
  });

  it('clamps an interval past the Date range, or not finite, to the last day', () => {
    expect(addDays('2026-01-01', 1e9)).toBe(LAST_DAY);
    expect(addDays('2026-01-01', 3_000_000)).toBe(LAST_DAY); // past year 9999: ISO strings would stop sorting
    expect(addDays('2026-01-01', Number.POSITIVE_INFINITY)).toBe(LAST_DAY);
    expect(addDays('2026-01-01', Number.NaN)).toBe(LAST_DAY);
  });

  it('grades a card whose interval has outgrown the calendar', () => {
    const add: ReviewEvent = {
      v: 1,
      kind: 'add',
      at: '2026-01-01T10:00:00Z',
      card: 'q',
      phase: 0,
      from: 'quiz',
      attempt_at: '2026-01-01T10:00:00Z',
    };
    const deck = buildDeck([add]);
    const card = deck.get('q')!;
    card.state = { ...card.state, interval: 1e15, reps: 40, ease: 2.5 };
    const e = gradeEvent(card, 'easy', new Date('2026-01-02T10:00:00Z'));
    expect(e.after.due).toBe(LAST_DAY);
    expect(buildDeck([e], deck).get('q')?.state.due).toBe(LAST_DAY);
  });

  it('round-trips a deck through JSON and refuses a malformed one', () => {
    const deck = buildDeck([
      {
        v: 1,
        kind: 'add',
        at: '2026-01-01T10:00:00Z',
        card: 'q',
        phase: 3,
        from: 'quiz',
        attempt_at: '2026-01-01T10:00:00Z',
      },
    ]);
    expect(deckFromJson(JSON.parse(JSON.stringify(deckToJson(deck))))).toEqual(deck);
    expect(deckFromJson({})).toBeUndefined();
    expect(deckFromJson([{ id: 'q', phase: 3 }])).toBeUndefined();
    expect(deckFromJson([null])).toBeUndefined();
  });
});
