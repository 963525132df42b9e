/** The due summary status reads from the cache gives the count the whole deck gives (issue 20). */
import { describe, expect, it } from 'vitest';
import { dueCards, dueCount, dueSummary, summaryFromJson, type Card } from '../../src/core/review/deck.js';

const day = (n: number): string => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

/** A deterministic pseudo-random deck: due days and last reviews spread over 20 days. */
function deck(n: number, seed: number): Map<string, Card> {
  let x = seed;
  const rnd = (k: number): number => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return x % k;
  };
  const out = new Map<string, Card>();
  for (let i = 0; i < n; i++) {
    const reviewed = rnd(3) === 0 ? undefined : `${day(rnd(20))}T${String(rnd(24)).padStart(2, '0')}:00:00.000Z`;
    out.set(`q${i}`, {
      id: `q${i}`,
      phase: rnd(42),
      added: `${day(0)}T00:00:00Z`,
      state: { ease: 2.5, interval: 1, reps: 0, due: day(rnd(20)) },
      reviews: 0,
      lapses: 0,
      lastReviewed: reviewed,
    });
  }
  return out;
}

describe('dueSummary / dueCount', () => {
  it('counts what dueCards counts, for every day and limit', () => {
    for (const [n, seed] of [
      [0, 1],
      [1, 2],
      [40, 3],
      [300, 4],
    ] as const) {
      const d = deck(n, seed);
      const s = dueSummary(d);
      for (let t = -1; t < 22; t++)
        for (const limit of [0, 1, 5, 30, 1000])
          expect(dueCount(s, day(t), limit)).toBe(dueCards(d, day(t), limit).due.length);
    }
  });

  it('survives its JSON round trip; anything malformed is refused', () => {
    const s = dueSummary(deck(50, 9));
    expect(summaryFromJson(JSON.parse(JSON.stringify(s)))).toEqual(s);
    for (const bad of [
      null,
      5,
      [],
      {},
      { due: [] },
      { due: [['2026-01-01', 1.5]], reviewed: [] },
      { due: [['x', 1]], reviewed: [] },
    ])
      expect(summaryFromJson(bad)).toBeUndefined();
  });
});
