/**
 * The interactive quiz (ink). State lives in the session reducer (session.ts), keys become actions
 * in use-quiz-keys.ts; this component runs grading and saving through the callbacks it is given (it
 * never touches files or processes) and picks the screen to draw.
 */
import { useEffect, useRef, useState, type ReactElement } from 'react';
import { Box, Text, useApp } from 'ink';
import { Prose } from '../widgets/Prose.js';
import type { Given, Graded, QuizItem } from '../../core/quiz/grade.js';
import { isSelfAssessed } from '../../core/quiz/grade.js';
import { answeredCount, currentId, initSession, isLocked, sessionReducer, unanswered } from './session.js';
import { Header } from './Header.js';
import { QuestionText } from './QuestionText.js';
import { AnswerInput } from './AnswerInput.js';
import { FeedbackView, SelfAssessView } from './FeedbackView.js';
import { SummaryView, type FinishInfo } from './SummaryView.js';
import { ResumePrompt, LeavePrompt, FinishPrompt, FailedView } from './Prompts.js';
import { useSyncReducer } from '../widgets/use-sync-reducer.js';
import { WidgetKeys, type KeyHandler } from '../widgets/key-router.js';
import { useQuizKeys } from './use-quiz-keys.js';

export interface Restored { index: number; answers: Record<string, Given>; graded: Record<string, Graded>; revealed: string[]; drafts?: Record<string, string>; elapsedMs: number; startedAt: string }

export interface Snapshot { index: number; answers: Record<string, Given>; graded: Record<string, Graded>; revealed: string[]; drafts: Record<string, string>; elapsedMs: number }

export type QuizExit = { kind: 'finished'; passed: boolean } | { kind: 'left'; answered: number; drafts: number };

export interface QuizAppProps {
  phase: number;
  items: QuizItem[];
  feedback: 'each' | 'end';
  restored?: Restored | undefined;
  color: boolean;
  /** Draw the text cursor with a raw inverse escape (a real terminal; see TextInputView). */
  rawCursor?: boolean;
  now: () => number;
  grade: (item: QuizItem, given: Given) => Promise<Graded>;
  onProgress: (s: Snapshot) => void;
  onRestart: () => void;
  onFinish: (graded: Graded[], elapsedMs: number) => Promise<FinishInfo>;
  onExit: (e: QuizExit) => void;
}

const HINTS = {
  choice: '↑↓ or 1-9 move · Enter answer · Tab skip · Shift+Tab back · q quit',
  multi: '↑↓ move · Space or 1-9 tick · Enter answer · Tab skip · Shift+Tab back · q quit',
  text: 'Enter answer · Tab skip · Shift+Tab back · Esc quit',
  feedback: 'Enter next · Shift+Tab back · q quit',
};

function useElapsed(base: number, now: () => number, running: boolean): number {
  const start = useRef(now());
  const frozen = useRef<number | undefined>(undefined);
  const [, tick] = useState(0);
  useEffect(() => {
    if (!running) return undefined;
    const t = setInterval(() => tick((x) => x + 1), 1000);
    return () => clearInterval(t);
  }, [running]);
  const live = base + (now() - start.current);
  if (!running) frozen.current ??= live; else frozen.current = undefined;
  return frozen.current ?? live;
}

export function QuizApp(p: QuizAppProps) {
  const { exit } = useApp();
  const byId = new Map(p.items.map((i) => [i.id, i]));
  const [s, dispatch, now] = useSyncReducer(sessionReducer, () => initSession(p.items.map((i) => i.id), p.feedback, p.restored));
  const running = !['saving', 'summary', 'error'].includes(s.screen);
  const elapsedMs = useElapsed(p.restored?.elapsedMs ?? 0, p.now, running);
  const [finish, setFinish] = useState<FinishInfo | undefined>();
  const busy = useRef(false);
  const id = currentId(s);
  const item = byId.get(id);
  const locked = isLocked(s, id);
  const leave = (e: QuizExit): void => {
    // the time spent so far goes with the saved answers, so a resumed attempt's clock is honest
    const cur = now();
    if (e.kind === 'left') p.onProgress({ index: cur.index, answers: cur.answers, graded: cur.graded, revealed: cur.revealed, drafts: cur.drafts, elapsedMs });
    p.onExit(e);
    exit();
  };

  // every answered item is saved at once (and the position, so a resume lands where it stopped)
  useEffect(() => {
    if (s.screen === 'resume') return;
    p.onProgress({ index: s.index, answers: s.answers, graded: s.graded, revealed: s.revealed, drafts: s.drafts, elapsedMs });
    // elapsedMs is left out on purpose: the clock alone is no reason to write
  }, [s.index, s.graded, s.revealed, s.screen === 'resume']);

  useEffect(() => {
    if (s.screen !== 'grading' || !item || busy.current) return;
    const given = s.answers[id];
    if (!given) return;
    busy.current = true;
    void p.grade(item, given).then((g) => { busy.current = false; dispatch({ type: 'graded', graded: g }); }, (e: unknown) => { busy.current = false; dispatch({ type: 'failed', error: String(e instanceof Error ? e.message : e) }); });
  }, [s.screen, id]);

  useEffect(() => {
    if (s.screen !== 'saving') return;
    const graded = s.ids.map((x) => s.graded[x]).filter((g): g is Graded => g !== undefined);
    void p.onFinish(graded, elapsedMs).then((f) => { setFinish(f); dispatch({ type: 'saved' }); }, (e: unknown) => dispatch({ type: 'failed', error: String(e instanceof Error ? e.message : e) }));
  }, [s.screen]);

  const widget = useRef<{ current: KeyHandler | undefined }>({ current: undefined }).current;
  useQuizKeys({
    now, dispatch, items: byId, widget,
    leave: (how) => leave(how === 'finished' ? { kind: 'finished', passed: finish?.passed === true } : { kind: 'left', answered: answeredCount(now()), drafts: Object.keys(now().drafts).length }),
    restart: p.onRestart,
    selfAssess: (right) => {
      const cur = now();
      const it = byId.get(currentId(cur));
      const given = it ? cur.answers[it.id] : undefined;
      if (!it || given?.kind !== 'text' || busy.current) return;
      busy.current = true;
      void p.grade(it, { ...given, selfAssessed: right }).then((g) => { busy.current = false; dispatch({ type: 'graded', graded: g }); }, (e: unknown) => { busy.current = false; dispatch({ type: 'failed', error: e instanceof Error ? e.message : String(e) }); });
    },
  });

  const header = <Header phase={p.phase} index={s.index} total={s.ids.length} answered={answeredCount(s)} elapsedMs={elapsedMs} color={p.color} />;
  let body: ReactElement;
  switch (s.screen) {
    case 'resume':
      body = <ResumePrompt startedAt={p.restored?.startedAt} answered={answeredCount(s)} total={s.ids.length} elapsedMs={p.restored?.elapsedMs ?? 0} />;
      break;
    case 'confirm-quit':
      body = <LeavePrompt phase={p.phase} answered={answeredCount(s)} />;
      break;
    case 'confirm-finish':
      body = <FinishPrompt unanswered={unanswered(s)} />;
      break;
    case 'saving':
      body = <Text>Recording the attempt…</Text>;
      break;
    case 'summary':
      body = finish
        ? <SummaryView phase={p.phase} info={finish} elapsedMs={elapsedMs} color={p.color} now={p.now()}
            verdicts={s.feedback === 'end' ? p.items.map((item) => ({ item, graded: s.graded[item.id] })) : undefined} />
        : <Text>…</Text>;
      break;
    case 'error':
      body = <FailedView phase={p.phase} error={s.error} color={p.color} />;
      break;
    default: {
      if (!item) { body = <Text>no question</Text>; break; }
      const graded = s.graded[id];
      let inner: ReactElement;
      if ((s.screen === 'feedback' || (s.screen === 'question' && locked)) && graded) {
        inner = <FeedbackView item={item} graded={graded} given={s.answers[id]} color={p.color} hint={HINTS.feedback} />;
      } else if (s.screen === 'self') {
        inner = <SelfAssessView item={item} given={s.answers[id]} graded={s.graded[id]} />;
      } else if (s.screen === 'grading') {
        inner = <Text>{item.answer_type === 'code' ? 'Running your program (2 s, 64 MB)…' : 'Grading…'}</Text>;
      } else {
        const hint = item.answer_type === 'mcq' ? HINTS.choice : item.answer_type === 'multi' ? HINTS.multi : HINTS.text;
        inner = (
          <Box flexDirection="column">
            <AnswerInput key={`${id}:${s.index}`} item={item} initial={s.answers[id]} draft={s.drafts[id]} active={s.screen === 'question'} color={p.color} rawCursor={p.rawCursor === true}
              onDraft={(text) => dispatch({ type: 'draft', id, text })}
              onSubmit={(given) => dispatch({ type: 'submit', id, given, selfAssessed: isSelfAssessed(item) })}
              onNotice={(text) => dispatch({ type: 'notice', text })} />
            {s.notice ? <Text {...(p.color ? { color: 'yellow' } : {})}>! {s.notice}</Text> : null}
            <Box marginTop={1}><Prose dimColor>{hint}</Prose></Box>
          </Box>
        );
      }
      body = <Box flexDirection="column"><QuestionText item={item} />{inner}</Box>;
    }
  }
  return (
    <WidgetKeys.Provider value={widget}>
      <Box flexDirection="column">
        {s.screen === 'summary' ? null : header}
        {body}
      </Box>
    </WidgetKeys.Provider>
  );
}
