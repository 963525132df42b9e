/** The review's keys → actions: Space/Enter reveal, 1–4 (a/h/g/e) grade, q / Esc / Ctrl-C leave (every grade is already
 * saved). */
import type { ReviewAction, ReviewState } from './review.reducer.js';
import { gradeForKey } from './review.reducer.js';
import { eachKey } from '../widgets/keys.js';
import { useStableInput } from '../widgets/key-router.js';

export function useReviewKeys(now: () => ReviewState, dispatch: (a: ReviewAction) => void, leave: () => void): void {
  useStableInput((chunk, k) =>
    eachKey(chunk, k, (input, key) => {
      const s = now();
      if (s.screen === 'saving') return;
      if (
        input === 'q' ||
        key.escape ||
        (key.ctrl && input === 'c') ||
        ((s.screen === 'done' || s.screen === 'error') && key.return)
      ) {
        leave();
        return;
      }
      if (s.screen === 'question' && (input === ' ' || key.return)) dispatch({ type: 'reveal' });
      else if (s.screen === 'revealed') {
        const g = gradeForKey(input);
        if (g) dispatch({ type: 'grade', grade: g });
      }
    }),
  );
}
