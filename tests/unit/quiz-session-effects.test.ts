/**
 * useQuizSession's and useReviewSession's logic, pure: each action through the session reducer, and
 * the side effects the transition asks for (save, grade, record; a review grade to record). The
 * hooks only run what these return, so this is where "graded once, saved at once" is decided.
 */
import { describe, expect, it } from 'vitest';
import { initSession, sessionReducer, type SessionAction, type SessionState } from '../../src/ui/quiz/session.js';
import { effectsOf, type SessionEffect } from '../../src/ui/quiz/session-effects.js';
import { gradeToSave, initReview, reviewReducer, type ReviewAction, type ReviewState } from '../../src/ui/review/review.reducer.js';
import type { Graded } from '../../src/core/quiz/grade.js';

const IDS = ['q-00-01', 'q-00-02', 'q-00-03'];
const verdict = (id: string, points: 0 | 1, extra: Partial<Graded> = {}): Graded =>
  ({ id, verdict: points ? 'correct' : 'wrong', points, answer: 1, expected: 'x', feedback: '', ...extra });

/** Drive the reducer like the hook does: each action, and the effects of its transition. */
function drive(s: SessionState, ...actions: SessionAction[]): { s: SessionState; effects: SessionEffect[][] } {
  const effects: SessionEffect[][] = [];
  for (const a of actions) {
    const next = sessionReducer(s, a);
    effects.push(effectsOf(s, next));
    s = next;
  }
  return { s, effects };
}

describe('quiz session effects', () => {
  it('sending an answer asks for one grade of exactly that answer; its verdict is saved at once', () => {
    const { effects } = drive(initSession(IDS, 'each'),
      { type: 'submit', id: 'q-00-01', given: { kind: 'choice', index: 1 }, selfAssessed: false },
      { type: 'graded', graded: verdict('q-00-01', 1) },
      { type: 'next' });
    expect(effects[0]).toEqual([{ type: 'grade', id: 'q-00-01', given: { kind: 'choice', index: 1 } }]);
    expect(effects[1]).toEqual([{ type: 'save' }]);
    expect(effects[2]).toEqual([{ type: 'save' }]); // the position moved: a resume lands there
  });

  it('typing a draft, a notice, a quit prompt ask for nothing (drafts go with the next save or on leaving)', () => {
    const { effects } = drive(initSession(IDS, 'each'),
      { type: 'draft', id: 'q-00-01', text: 'half' }, { type: 'notice', text: 'x' }, { type: 'quit-ask' }, { type: 'quit-cancel' });
    expect(effects.flat()).toEqual([]);
  });

  it('a self-assessed item is not graded until the learner judges it; then it is, once', () => {
    const { s, effects } = drive(initSession(IDS, 'each'),
      { type: 'submit', id: 'q-00-01', given: { kind: 'text', text: 'mine' }, selfAssessed: true });
    expect(s.screen).toBe('self');
    expect(effects.flat()).toEqual([]);
  });

  it('a grader miss that can be claimed shows the model answer and saves the revealed verdict; nothing is graded twice', () => {
    const { s, effects } = drive(initSession(IDS, 'each'),
      { type: 'submit', id: 'q-00-01', given: { kind: 'text', text: 'mine' }, selfAssessed: false },
      { type: 'graded', graded: verdict('q-00-01', 0, { claimable: true }) });
    expect(s.screen).toBe('self');
    expect(effects[1]).toEqual([{ type: 'save' }]);
    expect(effects.flat().filter((e) => e.type === 'grade')).toHaveLength(1);
  });

  it('the last verdict with feedback at the end: saved, then the attempt is recorded — once', () => {
    let s = initSession(IDS, 'end');
    const all: SessionEffect[] = [];
    for (const id of IDS) {
      const r = drive(s, { type: 'submit', id, given: { kind: 'choice', index: 0 }, selfAssessed: false }, { type: 'graded', graded: verdict(id, 1) });
      s = r.s;
      all.push(...r.effects.flat());
    }
    expect(s.screen).toBe('saving');
    expect(all.filter((e) => e.type === 'grade')).toHaveLength(3);
    expect(all.slice(-2)).toEqual([{ type: 'save' }, { type: 'finish' }]);
    expect(all.filter((e) => e.type === 'finish')).toHaveLength(1);
    // a key pressed while the attempt is being recorded changes nothing and records nothing again
    expect(drive(s, { type: 'next' }, { type: 'quit-ask' }, { type: 'finish' }).effects.flat()).toEqual([]);
  });

  it('finishing with gaps records only after the learner confirms', () => {
    const skipped = drive(initSession(IDS, 'each'), { type: 'next' }, { type: 'next' }, { type: 'next' });
    expect(skipped.s.screen).toBe('confirm-finish');
    expect(skipped.effects.flat().some((e) => e.type === 'finish')).toBe(false);
    expect(drive(skipped.s, { type: 'finish' }).effects[0]).toEqual([{ type: 'finish' }]);
  });

  it('a resumed attempt saves nothing at the prompt, and saves once the learner resumes or starts over', () => {
    const restored = initSession(IDS, 'each', { index: 2, answers: { 'q-00-01': { kind: 'choice', index: 1 } }, graded: { 'q-00-01': verdict('q-00-01', 1) }, revealed: ['q-00-01'] });
    expect(restored.screen).toBe('resume');
    expect(restored.index).toBe(1); // the first unanswered, not the last one viewed
    expect(drive(restored, { type: 'resume' }).effects[0]).toEqual([{ type: 'save' }]);
    expect(drive(restored, { type: 'restart' }).effects[0]).toEqual([{ type: 'save' }]);
  });

  it('a grading failure asks for nothing more', () => {
    const { effects } = drive(initSession(IDS, 'each'),
      { type: 'submit', id: 'q-00-01', given: { kind: 'choice', index: 1 }, selfAssessed: false },
      { type: 'failed', error: 'boom' });
    expect(effects[1]).toEqual([]);
  });
});

describe('review session effects', () => {
  const step = (s: ReviewState, a: ReviewAction) => { const next = reviewReducer(s, a); return { next, save: gradeToSave(s, next) }; };

  it('a grade is recorded once, when given; an Again card comes back and its re-showing records nothing', () => {
    let s = initReview(['a', 'b']);
    const saves: unknown[] = [];
    const apply = (a: ReviewAction) => { const r = step(s, a); s = r.next; if (r.save) saves.push(r.save); };
    apply({ type: 'reveal' });
    apply({ type: 'grade', grade: 'again' });
    expect(saves).toEqual([{ id: 'a', grade: 'again' }]);
    apply({ type: 'grade', grade: 'good' }); // ignored while saving
    apply({ type: 'saved' });
    apply({ type: 'reveal' });
    apply({ type: 'grade', grade: 'good' });
    apply({ type: 'saved' });
    expect(s.ids).toEqual(['a', 'b', 'a']);
    apply({ type: 'reveal' });
    apply({ type: 'grade', grade: 'good' }); // the learning step: practice, not a second SM-2 grade
    expect(s.screen).toBe('done');
    expect(saves).toEqual([{ id: 'a', grade: 'again' }, { id: 'b', grade: 'good' }]);
  });

  it('revealing and a failed save ask to record nothing', () => {
    const s = initReview(['a']);
    expect(step(s, { type: 'reveal' }).save).toBeUndefined();
    expect(step(s, { type: 'failed', error: 'x' }).save).toBeUndefined();
  });
});
