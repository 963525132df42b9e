/** The review session's learning step: an Again card is re-shown AGAIN_GAP cards later, until recalled; only the first
 * grade is recorded. */
import { describe, expect, it } from 'vitest';
import {
  AGAIN_GAP,
  initReview,
  isRelearning,
  reviewReducer,
  type ReviewAction,
  type ReviewState,
} from '../../src/ui/review/review.reducer.js';
import type { GradeName } from '../../src/core/review/sm2.js';

/** Reveal and grade the card up; a fresh card's grade is saved (the 'saved' the app dispatches after onGrade). */
function answer(s: ReviewState, grade: GradeName): ReviewState {
  const acts: ReviewAction[] = [{ type: 'reveal' }, { type: 'grade', grade }];
  let t = acts.reduce(reviewReducer, s);
  if (t.screen === 'saving') t = reviewReducer(t, { type: 'saved' });
  return t;
}
const up = (s: ReviewState) => s.ids[s.index];

describe('review learning step', () => {
  it('Again comes back after AGAIN_GAP other cards, then at the end; a pass ends the step', () => {
    expect(AGAIN_GAP).toBe(3);
    let s = initReview(['a', 'b', 'c', 'd', 'e']);
    s = answer(s, 'again');
    expect(s.ids).toEqual(['a', 'b', 'c', 'd', 'a', 'e']);
    expect(s.graded).toEqual([{ id: 'a', grade: 'again' }]);
    for (const g of ['good', 'good', 'good'] as const) s = answer(s, g);
    expect(up(s)).toBe('a');
    expect(isRelearning(s)).toBe(true);
    s = answer(s, 'again'); // missed again: once more, at the end (fewer than AGAIN_GAP cards left)
    expect(s.ids).toEqual(['a', 'b', 'c', 'd', 'a', 'e', 'a']);
    expect(s.graded).toHaveLength(4); // a re-showing is not a second SM-2 grade
    s = answer(s, 'good');
    expect(up(s)).toBe('a');
    s = answer(s, 'good');
    expect(s.screen).toBe('done');
    expect(s.steps).toBe(2);
    expect(s.learning).toEqual([]);
    expect(s.graded.map((g) => g.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it("no Again, no re-showing: the queue is today's due cards once each", () => {
    let s = initReview(['a', 'b']);
    s = answer(s, 'hard');
    s = answer(s, 'easy');
    expect(s.screen).toBe('done');
    expect(s.ids).toEqual(['a', 'b']);
    expect(s.steps).toBe(0);
  });

  it('a failed save is an error, and the card is not re-queued', () => {
    let s = initReview(['a', 'b']);
    const acts: ReviewAction[] = [
      { type: 'reveal' },
      { type: 'grade', grade: 'again' },
      { type: 'failed', error: 'locked' },
    ];
    s = acts.reduce(reviewReducer, s);
    expect(s.screen).toBe('error');
    expect(s.ids).toEqual(['a', 'b']);
  });
});
