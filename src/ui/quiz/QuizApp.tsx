/**
 * The interactive quiz (ink). State lives in the session reducer; this component maps keys to
 * actions, runs grading and saving through the callbacks it is given (it never touches files or
 * processes), and picks the screen to draw.
 */
import { useEffect, useRef, useState, type ReactElement } from 'react';
import { Box, Text, useApp, type Key } from 'ink';
import type { Given, Graded, QuizItem } from '../../core/quiz/grade.js';
import { isSelfAssessed } from '../../core/quiz/grade.js';
import { answeredCount, currentId, initSession, isLocked, sessionReducer, unanswered } from './session.js';
import { Header } from './Header.js';
import { QuestionText } from './QuestionText.js';
import { AnswerInput } from './AnswerInput.js';
import { FeedbackView, SelfAssessView } from './FeedbackView.js';
import { SummaryView, type FinishInfo } from './SummaryView.js';
import { elapsed } from './format.js';
import { useSyncReducer } from '../widgets/use-sync-reducer.js';
import { eachKey } from '../widgets/keys.js';
import { useStableInput, WidgetKeys, type KeyHandler } from '../widgets/key-router.js';

export interface Restored { index: number; answers: Record<string, Given>; graded: Record<string, Graded>; revealed: string[]; elapsedMs: number; startedAt: string }

export interface Snapshot { index: number; answers: Record<string, Given>; graded: Record<string, Graded>; revealed: string[]; elapsedMs: number }

export type QuizExit = { kind: 'finished'; passed: boolean } | { kind: 'left'; answered: number };

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
    if (e.kind === 'left') p.onProgress({ index: cur.index, answers: cur.answers, graded: cur.graded, revealed: cur.revealed, elapsedMs });
    p.onExit(e);
    exit();
  };

  // every answered item is saved at once (and the position, so a resume lands where it stopped)
  useEffect(() => {
    if (s.screen === 'resume') return;
    p.onProgress({ index: s.index, answers: s.answers, graded: s.graded, revealed: s.revealed, elapsedMs });
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
  const onKey = (input: string, key: Key): void => {
    const s = now();
    const id = currentId(s);
    const item = byId.get(id);
    const locked = isLocked(s, id);
    const textFocused = s.screen === 'question' && !locked && item !== undefined && item.answer_type !== 'mcq' && item.answer_type !== 'multi';
    const ctrlC = key.ctrl && input === 'c';
    switch (s.screen) {
      case 'confirm-quit':
        if (input === 'y' || ctrlC) leave({ kind: 'left', answered: answeredCount(s) });
        else if (input === 'n' || key.escape) dispatch({ type: 'quit-cancel' });
        return;
      case 'summary':
        if (key.return || input === 'q' || ctrlC) leave({ kind: 'finished', passed: finish?.passed === true });
        return;
      case 'error':
        if (key.return || input === 'q' || ctrlC) leave({ kind: 'left', answered: answeredCount(s) });
        return;
      case 'saving':
        return; // the attempt is being written; nothing may interrupt it
      default:
        break;
    }
    if (ctrlC || key.escape || (input === 'q' && !textFocused)) { dispatch({ type: 'quit-ask' }); return; }
    switch (s.screen) {
      case 'resume':
        if (input === 'y' || key.return) dispatch({ type: 'resume' });
        else if (input === 'n') { p.onRestart(); dispatch({ type: 'restart' }); }
        return;
      case 'confirm-finish':
        if (key.return) dispatch({ type: 'first-unanswered' });
        else if (input === 'f') dispatch({ type: 'finish' });
        return;
      case 'self':
        if ((input === 'y' || input === 'n') && item && !busy.current) {
          const given = s.answers[id];
          if (given?.kind !== 'text') return;
          busy.current = true;
          void p.grade(item, { ...given, selfAssessed: input === 'y' }).then((g) => { busy.current = false; dispatch({ type: 'graded', graded: g }); }, (e: unknown) => { busy.current = false; dispatch({ type: 'failed', error: String(e) }); });
        }
        return;
      case 'feedback':
        if (key.return || key.rightArrow) dispatch({ type: 'next' });
        else if (key.tab && key.shift) dispatch({ type: 'back' });
        return;
      case 'question':
        if (key.tab && key.shift) dispatch({ type: 'back' });
        else if (key.tab) dispatch({ type: 'next' });
        else if (locked && key.return) dispatch({ type: 'next' });
        return;
      default:
    }
  };
  useStableInput((chunk, k) => {
    // keys can arrive faster than React renders: decide on the state as of the last action
    const s = now();
    const item = byId.get(currentId(s));
    const answering = s.screen === 'question' && item !== undefined && !isLocked(s, item.id);
    const ours = k.tab || k.escape || (k.ctrl && chunk === 'c');
    if (answering && item.answer_type !== 'mcq' && item.answer_type !== 'multi' && !ours) { widget.current?.(chunk, k); return; }
    eachKey(chunk, k, (input, key) => {
      const cur = now();
      if (answering && cur.screen === 'question') widget.current?.(input, key);
      onKey(input, key);
    });
  });

  const header = <Header phase={p.phase} index={s.index} total={s.ids.length} answered={answeredCount(s)} elapsedMs={elapsedMs} color={p.color} />;
  let body: ReactElement;
  switch (s.screen) {
    case 'resume':
      body = (
        <Box flexDirection="column">
          <Text bold>You have an unfinished attempt{p.restored ? ` from ${p.restored.startedAt.slice(0, 16).replace('T', ' ')} UTC` : ''}: {answeredCount(s)} of {s.ids.length} answered, {elapsed(p.restored?.elapsedMs ?? 0)} spent.</Text>
          <Text dimColor>y resume where you stopped · n start over (the saved answers are dropped)</Text>
        </Box>
      );
      break;
    case 'confirm-quit':
      body = (
        <Box flexDirection="column">
          <Text bold>Leave the quiz? </Text>
          <Text>{answeredCount(s) === 0 ? 'Nothing is answered yet, so nothing is kept.' : `Your ${answeredCount(s)} answer${answeredCount(s) === 1 ? ' is' : 's are'} saved; \`lynx quiz ${String(p.phase).padStart(2, '0')}\` resumes this attempt.`}</Text>
          <Text dimColor>y leave · n stay</Text>
        </Box>
      );
      break;
    case 'confirm-finish': {
      const left = unanswered(s);
      body = (
        <Box flexDirection="column">
          <Text bold>{left.length} question{left.length === 1 ? '' : 's'} not answered: {left.join(', ')}</Text>
          <Text dimColor>Enter go to the first · f finish now (they count as wrong) · q quit</Text>
        </Box>
      );
      break;
    }
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
      body = (
        <Box flexDirection="column">
          <Text bold {...(p.color ? { color: 'red' } : {})}>✗ {s.error}</Text>
          <Text>Your answers are saved; run `lynx quiz {String(p.phase).padStart(2, '0')}` again to resume.</Text>
          <Text dimColor>Enter to leave</Text>
        </Box>
      );
      break;
    default: {
      if (!item) { body = <Text>no question</Text>; break; }
      const graded = s.graded[id];
      let inner: ReactElement;
      if ((s.screen === 'feedback' || (s.screen === 'question' && locked)) && graded) {
        inner = <FeedbackView item={item} graded={graded} given={s.answers[id]} color={p.color} hint={HINTS.feedback} />;
      } else if (s.screen === 'self') {
        inner = <SelfAssessView item={item} given={s.answers[id]} />;
      } else if (s.screen === 'grading') {
        inner = <Text>{item.answer_type === 'code' ? 'Running your program (2 s, 64 MB)…' : 'Grading…'}</Text>;
      } else {
        const hint = item.answer_type === 'mcq' ? HINTS.choice : item.answer_type === 'multi' ? HINTS.multi : HINTS.text;
        inner = (
          <Box flexDirection="column">
            <AnswerInput key={`${id}:${s.index}`} item={item} initial={s.answers[id]} active={s.screen === 'question'} color={p.color} rawCursor={p.rawCursor === true}
              onSubmit={(given) => dispatch({ type: 'submit', id, given, selfAssessed: isSelfAssessed(item) })}
              onNotice={(text) => dispatch({ type: 'notice', text })} />
            {s.notice ? <Text {...(p.color ? { color: 'yellow' } : {})}>! {s.notice}</Text> : null}
            <Box marginTop={1}><Text dimColor>{hint}</Text></Box>
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
