/**
 * The interactive quiz's state (pure): which question, what was answered, which verdicts were
 * shown, and which screen is up. Grading and saving happen outside (QuizApp runs them and feeds the
 * results back as actions), so every transition here is a plain function a unit test can drive.
 *
 * Rules: an answer whose verdict (or model answer) was shown is final; with feedback at the end,
 * going back lets the learner change an answer. Skipping leaves an item unanswered; finishing with
 * unanswered items asks first, and they count as wrong.
 */
import type { Given, Graded } from '../../core/quiz/grade.js';

export type Screen =
  | 'resume'
  | 'question'
  | 'grading'
  | 'self'
  | 'feedback'
  | 'confirm-quit'
  | 'confirm-finish'
  | 'saving'
  | 'summary'
  | 'error';

export interface SessionState {
  ids: string[];
  index: number;
  answers: Record<string, Given>;
  graded: Record<string, Graded>;
  /** Items whose verdict or model answer was shown: their answers are final. */
  revealed: string[];
  /** Text typed but not sent, by item: kept when the learner leaves, offered again on resume. */
  drafts: Record<string, string>;
  screen: Screen;
  /** Where confirm-quit returns to. */
  back: Screen;
  feedback: 'each' | 'end';
  notice: string | undefined;
  error: string | undefined;
}

export type SessionAction =
  | { type: 'resume' }
  | { type: 'restart' }
  | { type: 'submit'; id: string; given: Given; selfAssessed: boolean }
  | { type: 'graded'; graded: Graded }
  | { type: 'next' }
  | { type: 'back' }
  | { type: 'notice'; text: string | undefined }
  | { type: 'draft'; id: string; text: string }
  | { type: 'quit-ask' }
  | { type: 'quit-cancel' }
  | { type: 'finish' }
  | { type: 'first-unanswered' }
  | { type: 'saved' }
  | { type: 'failed'; error: string };

export interface RestoredSession {
  index: number;
  answers: Record<string, Given>;
  graded: Record<string, Graded>;
  revealed: string[];
  drafts?: Record<string, string> | undefined;
}

/** A resumed attempt opens on its first unanswered question (the last one viewed may be long done). */
export function initSession(ids: string[], feedback: 'each' | 'end', restored?: RestoredSession): SessionState {
  const graded = restored?.graded ?? {};
  const firstOpen = ids.findIndex((id) => graded[id] === undefined);
  return {
    ids,
    feedback,
    notice: undefined,
    error: undefined,
    back: 'question',
    index: restored ? (firstOpen >= 0 ? firstOpen : Math.min(restored.index, ids.length - 1)) : 0,
    answers: restored?.answers ?? {},
    graded,
    revealed: restored?.revealed ?? [],
    drafts: restored?.drafts ?? {},
    screen: restored ? 'resume' : 'question',
  };
}

export const currentId = (s: SessionState): string => s.ids[s.index] ?? '';
export const answeredCount = (s: SessionState): number => s.ids.filter((id) => s.graded[id] !== undefined).length;
export const unanswered = (s: SessionState): string[] => s.ids.filter((id) => s.graded[id] === undefined);
export const isLocked = (s: SessionState, id: string): boolean => s.revealed.includes(id);

/** After an answer or a skip: the next question, or the end. */
function advance(s: SessionState): SessionState {
  if (s.index + 1 < s.ids.length) return { ...s, index: s.index + 1, screen: 'question', notice: undefined };
  return { ...s, screen: unanswered(s).length > 0 ? 'confirm-finish' : 'saving', notice: undefined };
}

function without(r: Record<string, string>, id: string): Record<string, string> {
  if (!(id in r)) return r;
  const { [id]: _gone, ...rest } = r;
  return rest;
}

export function sessionReducer(s: SessionState, a: SessionAction): SessionState {
  switch (a.type) {
    case 'resume':
      return { ...s, screen: 'question' };
    case 'restart':
      return initSession(s.ids, s.feedback);
    case 'submit':
      if (isLocked(s, a.id) || s.screen !== 'question') return s;
      return {
        ...s,
        answers: { ...s.answers, [a.id]: a.given },
        drafts: without(s.drafts, a.id),
        screen: a.selfAssessed ? 'self' : 'grading',
        notice: undefined,
      };
    case 'draft':
      if (isLocked(s, a.id) || s.drafts[a.id] === a.text) return s;
      return { ...s, drafts: a.text === '' ? without(s.drafts, a.id) : { ...s.drafts, [a.id]: a.text } };
    case 'graded': {
      const id = a.graded.id;
      // keywords missed: the learner sees the model answer and may claim theirs says the same
      if (a.graded.claimable && s.screen === 'grading') {
        return {
          ...s,
          graded: { ...s.graded, [id]: a.graded },
          revealed: s.revealed.includes(id) ? s.revealed : [...s.revealed, id],
          screen: 'self',
        };
      }
      const shown = s.feedback === 'each' || s.screen === 'self';
      const next = {
        ...s,
        graded: { ...s.graded, [id]: a.graded },
        revealed: shown && !s.revealed.includes(id) ? [...s.revealed, id] : s.revealed,
      };
      return shown ? { ...next, screen: 'feedback' } : advance(next);
    }
    case 'next':
      return s.screen === 'question' || s.screen === 'feedback' ? advance(s) : s;
    case 'back':
      return s.screen === 'question' || s.screen === 'feedback'
        ? { ...s, index: Math.max(0, s.index - 1), screen: 'question', notice: undefined }
        : s;
    case 'notice':
      return { ...s, notice: a.text };
    case 'quit-ask':
      return s.screen === 'confirm-quit' || s.screen === 'saving'
        ? s
        : { ...s, back: s.screen, screen: 'confirm-quit' };
    case 'quit-cancel':
      return s.screen === 'confirm-quit' ? { ...s, screen: s.back } : s;
    case 'first-unanswered': {
      const id = unanswered(s)[0];
      return id === undefined ? s : { ...s, index: s.ids.indexOf(id), screen: 'question' };
    }
    case 'finish':
      return s.screen === 'confirm-finish' ? { ...s, screen: 'saving' } : s;
    case 'saved':
      return { ...s, screen: 'summary' };
    case 'failed':
      return { ...s, screen: 'error', error: a.error };
  }
}
