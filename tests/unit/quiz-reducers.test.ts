/** The widget and session reducers behind the quiz and review screens (pure state machines). */
import { describe, expect, it } from 'vitest';
import { initText, textReducer, type TextAction, type TextState } from '../../src/ui/widgets/text-input.reducer.js';
import { choiceAnswer, choiceReducer, initChoice, type ChoiceAction } from '../../src/ui/widgets/choice.reducer.js';
import {
  initSession,
  sessionReducer,
  answeredCount,
  unanswered,
  type SessionAction,
  type SessionState,
} from '../../src/ui/quiz/session.js';
import { initReview, reviewReducer, gradeForKey, type ReviewAction } from '../../src/ui/review/review.reducer.js';
import type { Graded } from '../../src/core/quiz/grade.js';

const run = (s: TextState, ...as: TextAction[]): TextState => as.reduce(textReducer, s);

describe('text input reducer', () => {
  it('inserts at the cursor and edits in place', () => {
    let s = run(initText(), { type: 'insert', text: 'helo' }, { type: 'left' }, { type: 'insert', text: 'l' });
    expect(s).toMatchObject({ value: 'hello', cursor: 4 });
    s = run(s, { type: 'end' }, { type: 'backspace' }, { type: 'home' }, { type: 'delete' });
    expect(s).toMatchObject({ value: 'ell', cursor: 0 });
  });

  it('counts code points: an emoji or accent is one step', () => {
    const s = run(initText('añ😀b'), { type: 'left' }, { type: 'backspace' });
    expect(s).toMatchObject({ value: 'añb', cursor: 2 });
  });

  it('single-line: a pasted newline becomes a space; control characters never enter', () => {
    expect(run(initText(), { type: 'insert', text: 'a\nb\r\nc\u0007' }).value).toBe('a b c');
    expect(run(initText('x'), { type: 'newline' }).value).toBe('x');
  });

  it('multi-line: newlines kept, up/down keep the column, home/end per line', () => {
    let s = run(initText('', true), { type: 'insert', text: 'abcd\r\nef' });
    expect(s).toMatchObject({ value: 'abcd\nef', cursor: 7 });
    s = run(s, { type: 'up' });
    expect(s.cursor).toBe(2);
    s = run(s, { type: 'end' }, { type: 'down' });
    expect(s.cursor).toBe(7);
    s = run(s, { type: 'home' }, { type: 'newline' });
    expect(s.value).toBe('abcd\n\nef');
  });

  it('kills: to line start, to line end, the word before', () => {
    expect(run(initText('one two three'), { type: 'deleteWord' }).value).toBe('one two ');
    expect(run(initText('one two'), { type: 'left' }, { type: 'left' }, { type: 'killToEnd' }).value).toBe('one t');
    expect(run(initText('one two'), { type: 'killToStart' }).value).toBe('');
  });
});

describe('choice reducer', () => {
  it('single: the cursor moves (wrapping) and Enter answers the choice under it', () => {
    const moves: ChoiceAction[] = [{ type: 'up' }, { type: 'down' }, { type: 'down' }];
    const s = moves.reduce(choiceReducer, initChoice(4, false));
    expect(choiceAnswer(s)).toBe(1);
    expect(choiceAnswer(choiceReducer(initChoice(4, false), { type: 'up' }))).toBe(3);
    expect(choiceAnswer(choiceReducer(s, { type: 'goto', index: 3 }))).toBe(3);
    expect(choiceReducer(s, { type: 'goto', index: 9 })).toBe(s);
  });

  it('multi: Space toggles, numbers toggle, nothing ticked answers nothing', () => {
    let s = initChoice(5, true);
    expect(choiceAnswer(s)).toBeUndefined();
    s = choiceReducer(s, { type: 'toggle' });
    s = choiceReducer(s, { type: 'toggleAt', index: 4 });
    s = choiceReducer(s, { type: 'toggleAt', index: 2 });
    s = choiceReducer(s, { type: 'toggleAt', index: 4 });
    expect(choiceAnswer(s)).toEqual([0, 2]);
    expect(initChoice(5, true, [3, 1]).selected).toEqual([1, 3]);
  });
});

const g = (id: string, points: 0 | 1): Graded => ({
  id,
  answer: 0,
  verdict: points ? 'correct' : 'wrong',
  points,
  feedback: '',
  expected: '',
});
const steps = (s: SessionState, ...as: SessionAction[]): SessionState => as.reduce(sessionReducer, s);

describe('quiz session reducer', () => {
  const ids = ['q1', 'q2', 'q3'];

  it('feedback after each answer: submit → grading → feedback (final) → next question', () => {
    let s = initSession(ids, 'each');
    s = steps(s, { type: 'submit', id: 'q1', given: { kind: 'choice', index: 0 }, selfAssessed: false });
    expect(s.screen).toBe('grading');
    s = steps(s, { type: 'graded', graded: g('q1', 1) });
    expect(s).toMatchObject({ screen: 'feedback', revealed: ['q1'], index: 0 });
    s = steps(s, { type: 'next' });
    expect(s).toMatchObject({ screen: 'question', index: 1 });
    s = steps(s, { type: 'back' });
    expect(s).toMatchObject({ screen: 'question', index: 0 });
    // a revealed answer cannot be changed
    expect(steps(s, { type: 'submit', id: 'q1', given: { kind: 'choice', index: 2 }, selfAssessed: false })).toBe(s);
  });

  it('feedback at the end: no verdict shown, answers can be changed after going back', () => {
    let s = initSession(ids, 'end');
    s = steps(
      s,
      { type: 'submit', id: 'q1', given: { kind: 'choice', index: 0 }, selfAssessed: false },
      { type: 'graded', graded: g('q1', 0) },
    );
    expect(s).toMatchObject({ screen: 'question', index: 1, revealed: [] });
    s = steps(
      s,
      { type: 'back' },
      { type: 'submit', id: 'q1', given: { kind: 'choice', index: 1 }, selfAssessed: false },
      { type: 'graded', graded: g('q1', 1) },
    );
    expect(s.graded.q1?.points).toBe(1);
    expect(answeredCount(s)).toBe(1);
  });

  it('skipping to the end asks before finishing with unanswered questions', () => {
    let s = steps(initSession(ids, 'each'), { type: 'next' }, { type: 'next' }, { type: 'next' });
    expect(s.screen).toBe('confirm-finish');
    expect(unanswered(s)).toEqual(ids);
    s = steps(s, { type: 'first-unanswered' });
    expect(s).toMatchObject({ screen: 'question', index: 0 });
    s = steps(s, { type: 'next' }, { type: 'next' }, { type: 'next' }, { type: 'finish' });
    expect(s.screen).toBe('saving');
    expect(steps(s, { type: 'saved' }).screen).toBe('summary');
  });

  it('all answered: the last answer leads straight to saving', () => {
    let s = initSession(['q1'], 'each');
    s = steps(
      s,
      { type: 'submit', id: 'q1', given: { kind: 'choice', index: 0 }, selfAssessed: false },
      { type: 'graded', graded: g('q1', 1) },
      { type: 'next' },
    );
    expect(s.screen).toBe('saving');
  });

  it('self-assessed items show the model answer, so their verdict is final even with feedback at the end', () => {
    let s = steps(initSession(ids, 'end'), {
      type: 'submit',
      id: 'q1',
      given: { kind: 'text', text: 'x' },
      selfAssessed: true,
    });
    expect(s.screen).toBe('self');
    s = steps(s, { type: 'graded', graded: g('q1', 1) });
    expect(s).toMatchObject({ screen: 'feedback', revealed: ['q1'] });
  });

  it('quit asks first and returns to where it was; saving cannot be interrupted', () => {
    let s = steps(initSession(ids, 'each'), { type: 'next' }, { type: 'quit-ask' });
    expect(s.screen).toBe('confirm-quit');
    s = steps(s, { type: 'quit-cancel' });
    expect(s).toMatchObject({ screen: 'question', index: 1 });
    const saving = { ...s, screen: 'saving' as const };
    expect(steps(saving, { type: 'quit-ask' })).toBe(saving);
  });

  it(
    'a restored attempt opens on the resume question at its ' + 'first unanswered item, drafts kept; restart drops it',
    () => {
      const s = initSession(ids, 'each', {
        index: 2,
        answers: { q1: { kind: 'choice', index: 0 } },
        graded: { q1: g('q1', 1) },
        revealed: ['q1'],
        drafts: { q2: 'half an ans' },
      });
      expect(s).toMatchObject({ screen: 'resume', index: 1, drafts: { q2: 'half an ans' } });
      expect(steps(s, { type: 'resume' })).toMatchObject({ screen: 'question', index: 1 });
      expect(steps(s, { type: 'restart' })).toMatchObject({
        screen: 'question',
        index: 0,
        answers: {},
        revealed: [],
        drafts: {},
      });
      // everything answered: back where it stopped
      const all = initSession(['q1'], 'each', {
        index: 0,
        answers: { q1: { kind: 'choice', index: 0 } },
        graded: { q1: g('q1', 1) },
        revealed: ['q1'],
      });
      expect(all.index).toBe(0);
    },
  );

  it('drafts follow the typing and go when the answer is sent', () => {
    let s = steps(initSession(ids, 'each'), { type: 'draft', id: 'q1', text: 'the se' });
    expect(s.drafts).toEqual({ q1: 'the se' });
    s = steps(s, { type: 'submit', id: 'q1', given: { kind: 'text', text: 'the seed' }, selfAssessed: false });
    expect(s.drafts).toEqual({});
    expect(
      steps(initSession(ids, 'each'), { type: 'draft', id: 'q1', text: 'x' }, { type: 'draft', id: 'q1', text: '' })
        .drafts,
    ).toEqual({});
  });

  it('a keyword miss opens the self-assessment with the model answer (final), then the feedback', () => {
    let s = steps(initSession(ids, 'each'), {
      type: 'submit',
      id: 'q1',
      given: { kind: 'text', text: 'in my words' },
      selfAssessed: false,
    });
    s = steps(s, { type: 'graded', graded: { ...g('q1', 0), claimable: true } });
    expect(s).toMatchObject({ screen: 'self', revealed: ['q1'] });
    s = steps(s, { type: 'graded', graded: { ...g('q1', 1), verdict: 'self-assessed' } });
    expect(s).toMatchObject({ screen: 'feedback' });
    expect(s.graded.q1?.verdict).toBe('self-assessed');
  });
});

describe('review reducer', () => {
  it('question → reveal → grade → saved → next card → done', () => {
    let s = initReview(['a', 'b']);
    expect(reviewReducer(s, { type: 'grade', grade: 'good' })).toBe(s); // no grading before the reveal
    const first: ReviewAction[] = [{ type: 'reveal' }, { type: 'grade', grade: 'good' }];
    s = first.reduce(reviewReducer, s);
    expect(s).toMatchObject({ screen: 'saving', graded: [{ id: 'a', grade: 'good' }] });
    s = reviewReducer(s, { type: 'saved' });
    expect(s).toMatchObject({ screen: 'question', index: 1 });
    // (an Again would come back in the session: tests/unit/review-reducer.test.ts)
    const second: ReviewAction[] = [{ type: 'reveal' }, { type: 'grade', grade: 'hard' }, { type: 'saved' }];
    s = second.reduce(reviewReducer, s);
    expect(s.screen).toBe('done');
    expect(initReview([]).screen).toBe('done');
  });

  it('keys: 1-4 or a/h/g/e are Again, Hard, Good, Easy', () => {
    expect(['1', '2', '3', '4', 'a', 'h', 'g', 'e', 'x'].map(gradeForKey)).toEqual([
      'again',
      'hard',
      'good',
      'easy',
      'again',
      'hard',
      'good',
      'easy',
      undefined,
    ]);
  });
});
