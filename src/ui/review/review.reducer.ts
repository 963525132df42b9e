/** The review session's state (pure): the queue, the card up, whether its answer is shown, the grades given. */
import type { GradeName } from '../../core/review/sm2.js';

export type ReviewScreen = 'question' | 'revealed' | 'saving' | 'done' | 'error';

export interface ReviewState { ids: string[]; index: number; screen: ReviewScreen; graded: { id: string; grade: GradeName }[]; error: string | undefined }

export type ReviewAction =
  | { type: 'reveal' }
  | { type: 'grade'; grade: GradeName }
  | { type: 'saved' }
  | { type: 'failed'; error: string };

export const initReview = (ids: string[]): ReviewState => ({ ids, index: 0, screen: ids.length === 0 ? 'done' : 'question', graded: [], error: undefined });

export function reviewReducer(s: ReviewState, a: ReviewAction): ReviewState {
  switch (a.type) {
    case 'reveal':
      return s.screen === 'question' ? { ...s, screen: 'revealed' } : s;
    case 'grade': {
      const id = s.ids[s.index];
      if (s.screen !== 'revealed' || id === undefined) return s;
      return { ...s, screen: 'saving', graded: [...s.graded, { id, grade: a.grade }] };
    }
    case 'saved':
      if (s.screen !== 'saving') return s;
      return s.index + 1 < s.ids.length ? { ...s, index: s.index + 1, screen: 'question' } : { ...s, screen: 'done' };
    case 'failed':
      return { ...s, screen: 'error', error: a.error };
  }
}

/** Keys of the four buttons (Lab 04: Again=0, Hard=2, Good=4, Easy=5). */
export function gradeForKey(input: string): GradeName | undefined {
  const map: Record<string, GradeName> = { '1': 'again', a: 'again', '2': 'hard', h: 'hard', '3': 'good', g: 'good', '4': 'easy', e: 'easy' };
  return map[input];
}
