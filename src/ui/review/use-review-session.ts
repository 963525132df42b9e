/**
 * The interactive review's behaviour, for ReviewApp to render: the queue's state (review.reducer.ts),
 * the keys (use-review-keys.ts), and recording each grade through onGrade before the next card shows.
 */
import { useApp } from 'ink';
import type { GradeName } from '../../core/review/sm2.js';
import { gradeToSave, initReview, reviewReducer, type ReviewAction } from './review.reducer.js';
import { useSyncReducer } from '../widgets/use-sync-reducer.js';
import { useReviewKeys } from './use-review-keys.js';

export interface ReviewSessionProps {
  ids: string[];
  onGrade: (id: string, grade: GradeName) => Promise<{ due: string }>;
  onExit: (graded: { id: string; grade: GradeName }[]) => void;
}

export function useReviewSession(p: ReviewSessionProps) {
  const { exit } = useApp();
  const [s, dispatch, current] = useSyncReducer(reviewReducer, () => initReview(p.ids));

  /** Every action goes through here: the transition, then the grade it asks to record. */
  function act(a: ReviewAction): void {
    const before = current();
    dispatch(a);
    const save = gradeToSave(before, current());
    if (!save) return;
    void p.onGrade(save.id, save.grade).then(() => act({ type: 'saved' }), (e: unknown) => act({ type: 'failed', error: e instanceof Error ? e.message : String(e) }));
  }

  useReviewKeys(current, act, () => { p.onExit(current().graded); exit(); });
  return s;
}
