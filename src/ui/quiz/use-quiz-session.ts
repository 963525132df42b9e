/**
 * The interactive quiz's behaviour, for QuizApp to render: the session state (session.ts), the keys
 * (use-quiz-keys.ts), the clock, and the side effects each transition asks for (session-effects.ts)
 * — grading an answer, saving the attempt so far, recording the finished one — run through the
 * callbacks the app is given (it never touches files or processes). Grading starts in one place.
 */
import { useEffect, useRef, useState } from 'react';
import { useApp } from 'ink';
import type { Given, Graded, QuizItem } from '../../core/quiz/grade.js';
import type { FinishInfo, QuizExit, Restored, Snapshot } from '../../core/quiz/session-results.js';
import { answeredCount, currentId, initSession, sessionReducer, type SessionAction, type SessionState } from './session.js';
import { effectsOf, type SessionEffect } from './session-effects.js';
import { useSyncReducer } from '../widgets/use-sync-reducer.js';
import type { KeyHandler } from '../widgets/key-router.js';
import { useQuizKeys } from './use-quiz-keys.js';

export interface QuizSessionProps {
  items: QuizItem[];
  feedback: 'each' | 'end';
  restored?: Restored | undefined;
  now: () => number;
  grade: (item: QuizItem, given: Given) => Promise<Graded>;
  onProgress: (s: Snapshot) => void;
  onRestart: () => void;
  onFinish: (graded: Graded[], elapsedMs: number) => Promise<FinishInfo>;
  onExit: (e: QuizExit) => void;
}

/** Time spent on the attempt: `shown` ticks once a second while it runs; `exact()` is read when saving. */
function useClock(base: number, now: () => number, running: boolean): { shown: number; exact: () => number } {
  const [start] = useState(now);
  const [shown, setShown] = useState(base);
  useEffect(() => {
    if (!running) return undefined;
    const t = setInterval(() => setShown(base + (now() - start)), 1000);
    return () => clearInterval(t);
  }, [running, base, now, start]);
  return { shown, exact: () => base + (now() - start) };
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export function useQuizSession(p: QuizSessionProps) {
  const { exit } = useApp();
  const byId = new Map(p.items.map((i) => [i.id, i]));
  const [s, dispatch, current] = useSyncReducer(sessionReducer, () => initSession(p.items.map((i) => i.id), p.feedback, p.restored));
  const clock = useClock(p.restored?.elapsedMs ?? 0, p.now, !['saving', 'summary', 'error'].includes(s.screen));
  const [finished, setFinished] = useState<{ info: FinishInfo; elapsedMs: number } | undefined>();
  const busy = useRef(false);
  const widgetRef = useRef<KeyHandler | undefined>(undefined);

  const snapshot = (st: SessionState): Snapshot => ({ index: st.index, answers: st.answers, graded: st.graded, revealed: st.revealed, drafts: st.drafts, elapsedMs: clock.exact() });

  /** Every action goes through here: the reducer's transition, then the effects it asks for. */
  function act(a: SessionAction): void {
    const before = current();
    dispatch(a);
    const after = current();
    for (const e of effectsOf(before, after)) run(e, after);
  }

  /** The one grade → action chain: for a sent answer and for a self-assessment claim alike. */
  function grade(item: QuizItem, given: Given): void {
    if (busy.current) return;
    busy.current = true;
    void p.grade(item, given).then(
      (graded) => { busy.current = false; act({ type: 'graded', graded }); },
      (e: unknown) => { busy.current = false; act({ type: 'failed', error: message(e) }); },
    );
  }

  function run(e: SessionEffect, st: SessionState): void {
    if (e.type === 'save') { p.onProgress(snapshot(st)); return; }
    if (e.type === 'grade') {
      const item = byId.get(e.id);
      if (item) grade(item, e.given);
      return;
    }
    const elapsedMs = clock.exact();
    const graded = st.ids.map((x) => st.graded[x]).filter((g): g is Graded => g !== undefined);
    void p.onFinish(graded, elapsedMs).then(
      (info) => { setFinished({ info, elapsedMs }); act({ type: 'saved' }); },
      (err: unknown) => act({ type: 'failed', error: message(err) }),
    );
  }

  const leave = (e: QuizExit): void => {
    // the time spent so far goes with the saved answers, so a resumed attempt's clock is honest
    if (e.kind === 'left') p.onProgress(snapshot(current()));
    p.onExit(e);
    exit();
  };

  useQuizKeys({
    now: current, dispatch: act, items: byId, widget: widgetRef,
    leave: (how) => leave(how === 'finished' ? { kind: 'finished', passed: finished?.info.passed === true } : { kind: 'left', answered: answeredCount(current()), drafts: Object.keys(current().drafts).length }),
    restart: p.onRestart,
    selfAssess: (right) => {
      const cur = current();
      const item = byId.get(currentId(cur));
      const given = item ? cur.answers[item.id] : undefined;
      if (item && given?.kind === 'text') grade(item, { ...given, selfAssessed: right });
    },
  });

  return { s, act, widgetRef, finish: finished?.info, elapsedMs: finished?.elapsedMs ?? clock.shown };
}
