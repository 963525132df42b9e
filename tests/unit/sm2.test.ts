/** SM-2 as the portal lab specifies it (DIGEST §5.5; curriculum-full.txt L99090-99124, tests L99190-99203). */
import { describe, expect, it } from 'vitest';
import { NEW_CARD, sm2, roundHalfEven, GRADES, MIN_EASE } from '../../src/core/review/sm2.js';
import {
  addDays,
  buildDeck,
  dueCards,
  gradeEvent,
  isLeech,
  missingCards,
  nextDue,
  type ReviewEvent,
} from '../../src/core/review/deck.js';

describe('SM-2 (Lab 04)', () => {
  it("the lab's worked values: (2.5,0,0)+Good → interval 1; then 6; then Again → 1, repetitions 0", () => {
    const a = sm2({ ease: 2.5, interval: 0, reps: 0 }, GRADES.good);
    expect(a).toEqual({ ease: 2.5, interval: 1, reps: 1 });
    const b = sm2(a, GRADES.good);
    expect(b).toEqual({ ease: 2.5, interval: 6, reps: 2 });
    const c = sm2(b, GRADES.again);
    expect(c.interval).toBe(1);
    expect(c.reps).toBe(0);
    expect(c.ease).toBeLessThan(2.5);
    expect(c.ease).toBeCloseTo(1.7, 10); // EF updated on every grade: q=0 costs 0.8
  });

  it('EF never goes below 1.3', () => {
    let s = { ...NEW_CARD };
    for (let i = 0; i < 20; i++) {
      s = sm2(s, GRADES.again);
      expect(s.ease).toBeGreaterThanOrEqual(MIN_EASE);
    }
    expect(s.ease).toBe(1.3);
    s = sm2(s, GRADES.hard);
    expect(s.ease).toBe(1.3);
  });

  it("Good every time: 1, 6, 15, 38, 95, 238 days (the theory page's schedule)", () => {
    let s = { ...NEW_CARD };
    const intervals: number[] = [];
    for (let i = 0; i < 6; i++) {
      s = sm2(s, GRADES.good);
      intervals.push(s.interval);
    }
    expect(intervals).toEqual([1, 6, 15, 38, 95, 238]);
  });

  it('EF deltas: Easy +0.10, Good 0, Hard −0.32, Again −0.80', () => {
    const at = (q: number): number => sm2({ ease: 2.5, interval: 6, reps: 2 }, q).ease - 2.5;
    expect(at(5)).toBeCloseTo(0.1, 10);
    expect(at(4)).toBeCloseTo(0, 10);
    expect(at(2)).toBeCloseTo(-0.32, 10);
    expect(at(0)).toBeCloseTo(-0.8, 10);
  });

  it('rounds like Python: half to even (6.5 → 6, 7.5 → 8), so 5 × 1.3 days is 6', () => {
    expect(roundHalfEven(6.5)).toBe(6);
    expect(roundHalfEven(7.5)).toBe(8);
    expect(roundHalfEven(37.5)).toBe(38);
    expect(roundHalfEven(2.4)).toBe(2);
    expect(sm2({ ease: 1.3, interval: 5, reps: 2 }, GRADES.good).interval).toBe(6);
  });

  it('refuses a quality outside 0..5', () => {
    expect(() => sm2(NEW_CARD, 6)).toThrow(RangeError);
    expect(() => sm2(NEW_CARD, 2.5)).toThrow(RangeError);
  });
});

const add = (card: string, at: string, phase = 0): ReviewEvent => ({
  v: 1,
  kind: 'add',
  at,
  card,
  phase,
  from: 'quiz',
  attempt_at: at,
});

describe('the review deck, replayed from reviews.jsonl', () => {
  it('a new card is due the next UTC day; grades replay through SM-2', () => {
    const deck = buildDeck([add('q-00-04', '2026-03-01T23:30:00.000Z')]);
    const card = deck.get('q-00-04')!;
    expect(card.state).toEqual({ ease: 2.5, interval: 0, reps: 0, due: '2026-03-02' });
    const g1 = gradeEvent(card, 'good', new Date('2026-03-02T08:00:00Z'));
    expect(g1.before.due).toBe('2026-03-02');
    expect(g1.after).toEqual({ ease: 2.5, interval: 1, reps: 1, due: '2026-03-03' });
    const after1 = buildDeck([add('q-00-04', '2026-03-01T23:30:00.000Z'), g1]).get('q-00-04')!;
    expect(after1.state).toEqual(g1.after);
    const g2 = gradeEvent(after1, 'good', new Date('2026-03-03T08:00:00Z'));
    expect(g2.after).toMatchObject({ interval: 6, due: '2026-03-09' });
  });

  it('a second miss does not duplicate a card', () => {
    const deck = buildDeck([add('q-00-04', '2026-03-01T10:00:00Z'), add('q-00-04', '2026-03-05T10:00:00Z')]);
    expect(deck.size).toBe(1);
    expect(deck.get('q-00-04')?.state.due).toBe('2026-03-02');
    const missing = missingCards(deck, [
      {
        at: '2026-03-06T00:00:00Z',
        phase: 0,
        answers: [
          { id: 'q-00-04', points: 0 },
          { id: 'q-00-05', points: 0 },
          { id: 'q-00-01', points: 1 },
        ],
      },
    ]);
    expect(missing.map((e) => e.card)).toEqual(['q-00-05']);
  });

  it("today's queue: due on or before today, overdue first, capped per day counting cards already reviewed", () => {
    const events: ReviewEvent[] = [
      add('q-02-01', '2026-03-03T10:00:00Z', 2),
      add('q-00-01', '2026-03-01T10:00:00Z'),
      add('q-01-01', '2026-03-01T10:00:00Z', 1),
      add('q-05-01', '2026-03-09T10:00:00Z', 5),
    ];
    const deck = buildDeck(events);
    expect(dueCards(deck, '2026-03-05', 30).due.map((c) => c.id)).toEqual(['q-00-01', 'q-01-01', 'q-02-01']);
    expect(dueCards(deck, '2026-03-05', 2)).toMatchObject({ total: 3 });
    expect(dueCards(deck, '2026-03-05', 2).due.map((c) => c.id)).toEqual(['q-00-01', 'q-01-01']);
    const graded = buildDeck([...events, gradeEvent(deck.get('q-00-01')!, 'good', new Date('2026-03-05T09:00:00Z'))]);
    expect(dueCards(graded, '2026-03-05', 2).due.map((c) => c.id)).toEqual(['q-01-01']);
    expect(nextDue(graded, '2026-03-05')).toBe('2026-03-06');
  });

  it('a card missed 8 times (quiz misses and Again/Hard) is a leech', () => {
    let events: ReviewEvent[] = [add('q-00-04', '2026-03-01T10:00:00Z')];
    let day = '2026-03-02';
    for (let i = 0; i < 5; i++) {
      const card = buildDeck(events).get('q-00-04')!;
      events = [...events, gradeEvent(card, i % 2 ? 'hard' : 'again', new Date(`${day}T10:00:00Z`))];
      day = addDays(day, 1);
    }
    const card = buildDeck(events).get('q-00-04')!;
    expect(card.lapses).toBe(5);
    expect(isLeech(card, new Map([['q-00-04', 2]]))).toBe(false);
    expect(isLeech(card, new Map([['q-00-04', 3]]))).toBe(true);
  });
});
