/**
 * The review session's state (pure): the queue, the card up, whether its answer is shown, the grades given.
 *
 * "Again" is a learning step, as in Anki: the SM-2 grade is recorded once (the first grade of the
 * session, which schedules the card by the curriculum's SM-2 — Again → due tomorrow), and the card is
 * queued again AGAIN_GAP cards later (or last), until the learner recalls it. The re-showings are
 * practice within the session: they save nothing, so the schedule stays the one SM-2 computed.
 */
import type { GradeName } from '../../core/review/sm2.js';

export type ReviewScreen = 'question' | 'revealed' | 'saving' | 'done' | 'error';

/** Cards between a missed card and its re-showing: enough that the answer is not still on screen. */
export const AGAIN_GAP = 3;

export interface ReviewState {
  /** The session's queue: today's due cards, plus a copy of each card graded Again. */
  ids: string[];
  index: number;
  screen: ReviewScreen;
  /** The recorded (SM-2) grades, one per card. */
  graded: { id: string; grade: GradeName }[];
  /** Cards whose SM-2 grade is recorded and that are being re-learned in this session. */
  learning: string[];
  /** Re-showings graded so far (learning steps). */
  steps: number;
  error: string | undefined;
}

export type ReviewAction =
  | { type: 'reveal' }
  | { type: 'grade'; grade: GradeName }
  | { type: 'saved' }
  | { type: 'failed'; error: string };

export const initReview = (ids: string[]): ReviewState => ({ ids, index: 0, screen: ids.length === 0 ? 'done' : 'question', graded: [], learning: [], steps: 0, error: undefined });

/** The queue with `id` shown again AGAIN_GAP cards after the current one (or at the end). */
const requeue = (s: ReviewState, id: string): string[] => {
  const at = Math.min(s.index + 1 + AGAIN_GAP, s.ids.length);
  return [...s.ids.slice(0, at), id, ...s.ids.slice(at)];
};

const advance = (s: ReviewState): ReviewState => (s.index + 1 < s.ids.length ? { ...s, index: s.index + 1, screen: 'question' } : { ...s, screen: 'done' });

/** Whether the card up is a re-showing (its SM-2 grade is already recorded). */
export const isRelearning = (s: ReviewState): boolean => {
  const id = s.ids[s.index];
  return id !== undefined && s.ids.slice(0, s.index).includes(id);
};

export function reviewReducer(s: ReviewState, a: ReviewAction): ReviewState {
  switch (a.type) {
    case 'reveal':
      return s.screen === 'question' ? { ...s, screen: 'revealed' } : s;
    case 'grade': {
      const id = s.ids[s.index];
      if (s.screen !== 'revealed' || id === undefined) return s;
      if (isRelearning(s)) {
        // A learning step: nothing to save; Again shows it once more, any other grade ends the step.
        const next = { ...s, steps: s.steps + 1, ...(a.grade === 'again' ? { ids: requeue(s, id) } : { learning: s.learning.filter((x) => x !== id) }) };
        return advance(next);
      }
      return { ...s, screen: 'saving', graded: [...s.graded, { id, grade: a.grade }] };
    }
    case 'saved': {
      if (s.screen !== 'saving') return s;
      const last = s.graded[s.graded.length - 1];
      if (last?.grade === 'again') return advance({ ...s, ids: requeue(s, last.id), learning: [...s.learning, last.id] });
      return advance(s);
    }
    case 'failed':
      return { ...s, screen: 'error', error: a.error };
  }
}

/** Keys of the four buttons (Lab 04: Again=0, Hard=2, Good=4, Easy=5). */
export function gradeForKey(input: string): GradeName | undefined {
  const map: Record<string, GradeName> = { '1': 'again', a: 'again', '2': 'hard', h: 'hard', '3': 'good', g: 'good', '4': 'easy', e: 'easy' };
  return map[input];
}

/** The grade a transition asks to record: the one just given, when the card entered `saving`. */
export function gradeToSave(before: ReviewState, after: ReviewState): { id: string; grade: GradeName } | undefined {
  if (after.screen !== 'saving' || before.screen === 'saving') return undefined;
  return after.graded[after.graded.length - 1];
}
