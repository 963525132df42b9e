/**
 * What a session transition asks the outside world to do (pure): the session reducer decides the
 * state; this decides, from the state before and after one action, whether to save the attempt so
 * far, grade the answer just sent, or record the finished attempt. useQuizSession runs them — the
 * one place grading and saving start, instead of effects re-deriving them from render to render.
 */
import type { Given } from '../../core/quiz/grade.js';
import { currentId, type SessionState } from './session.js';

export type SessionEffect =
  | { type: 'save' }
  | { type: 'grade'; id: string; given: Given }
  | { type: 'finish' };

export function effectsOf(before: SessionState, after: SessionState): SessionEffect[] {
  const out: SessionEffect[] = [];
  // every verdict is saved at once, and the position (a resume lands on the first unanswered one);
  // the resume prompt saves nothing until the learner chose to resume or start over
  const moved = before.index !== after.index || before.graded !== after.graded || before.revealed !== after.revealed;
  const leftPrompt = before.screen === 'resume' && after.screen !== 'resume';
  if (after.screen !== 'resume' && (moved || leftPrompt)) out.push({ type: 'save' });
  if (after.screen === 'grading' && before.screen !== 'grading') {
    const id = currentId(after);
    const given = after.answers[id];
    if (given) out.push({ type: 'grade', id, given });
  }
  if (after.screen === 'saving' && before.screen !== 'saving') out.push({ type: 'finish' });
  return out;
}
