/**
 * The quiz's keys → session actions. One stable listener (key-router): while a question is open its
 * widget gets the keys first (a text field gets a chunk whole, so a paste stays one paste; a choice
 * list gets it key by key), then the quiz's own keys — Tab / Shift+Tab, Enter on a verdict, q / Esc /
 * Ctrl-C to leave (asking first), y / n on the questions it asks. Decisions read the state as of the
 * last action, not the last render.
 */
import type { Key } from 'ink';
import type { QuizItem } from '../../core/quiz/grade.js';
import { currentId, isLocked, type SessionAction, type SessionState } from './session.js';
import { eachKey } from '../widgets/keys.js';
import { useStableInput, type KeyHandler } from '../widgets/key-router.js';

export interface QuizKeys {
  now: () => SessionState;
  dispatch: (a: SessionAction) => void;
  items: ReadonlyMap<string, QuizItem>;
  widget: { current: KeyHandler | undefined };
  leave: (how: 'left' | 'finished') => void;
  restart: () => void;
  selfAssess: (right: boolean) => void;
}

const isChoice = (item: QuizItem): boolean => item.answer_type === 'mcq' || item.answer_type === 'multi';

function onKey(k: QuizKeys, input: string, key: Key): void {
  const s = k.now();
  const id = currentId(s);
  const item = k.items.get(id);
  const locked = isLocked(s, id);
  const typing = s.screen === 'question' && !locked && item !== undefined && !isChoice(item);
  const ctrlC = key.ctrl && input === 'c';
  switch (s.screen) {
    case 'confirm-quit':
      if (input === 'y' || ctrlC) k.leave('left');
      else if (input === 'n' || key.escape) k.dispatch({ type: 'quit-cancel' });
      return;
    case 'summary':
      if (key.return || input === 'q' || ctrlC) k.leave('finished');
      return;
    case 'error':
      if (key.return || input === 'q' || ctrlC) k.leave('left');
      return;
    case 'saving':
      return; // the attempt is being written; nothing may interrupt it
    default:
  }
  if (ctrlC || key.escape || (input === 'q' && !typing)) {
    k.dispatch({ type: 'quit-ask' });
    return;
  }
  switch (s.screen) {
    case 'resume':
      if (input === 'y' || key.return) k.dispatch({ type: 'resume' });
      else if (input === 'n') {
        k.restart();
        k.dispatch({ type: 'restart' });
      }
      return;
    case 'confirm-finish':
      if (key.return) k.dispatch({ type: 'first-unanswered' });
      else if (input === 'f') k.dispatch({ type: 'finish' });
      return;
    case 'self':
      if (input === 'y' || input === 'n') k.selfAssess(input === 'y');
      return;
    case 'feedback':
      if (key.return || key.rightArrow) k.dispatch({ type: 'next' });
      else if (key.tab && key.shift) k.dispatch({ type: 'back' });
      return;
    case 'question':
      if (key.tab && key.shift) k.dispatch({ type: 'back' });
      else if (key.tab) k.dispatch({ type: 'next' });
      else if (locked && key.return) k.dispatch({ type: 'next' });
      return;
    default:
  }
}

export function useQuizKeys(k: QuizKeys): void {
  useStableInput((chunk, key) => {
    const s = k.now();
    const item = k.items.get(currentId(s));
    const answering = s.screen === 'question' && item !== undefined && !isLocked(s, item.id);
    const ours = key.tab || key.escape || (key.ctrl && chunk === 'c');
    if (answering && !isChoice(item) && !ours) {
      k.widget.current?.(chunk, key);
      return;
    }
    eachKey(chunk, key, (input, one) => {
      if (answering && k.now().screen === 'question') k.widget.current?.(input, one);
      onKey(k, input, one);
    });
  });
}
