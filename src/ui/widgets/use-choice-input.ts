/** Keys → choice actions (one key at a time; the app splits chunks): ↑/↓ (or k/j) move, 1–9 jump (and tick, in a multi-select), Space ticks, Enter submits. */
import { useWidgetKeys } from './key-router.js';
import { useSyncReducer } from './use-sync-reducer.js';
import { choiceAnswer, choiceReducer, initChoice, type ChoiceState } from './choice.reducer.js';

export interface ChoiceInputOptions { count: number; multi: boolean; initial?: readonly number[]; active: boolean; onSubmit: (answer: number | number[]) => void; onEmpty: () => void }

export function useChoiceInput(opts: ChoiceInputOptions): ChoiceState {
  // several keys can arrive in one chunk: Enter must submit the choice the keys before it moved to
  const [state, apply, current] = useSyncReducer(choiceReducer, () => initChoice(opts.count, opts.multi, opts.initial));
  useWidgetKeys((input, key) => {
    if (key.upArrow || input === 'k') apply({ type: 'up' });
    else if (key.downArrow || input === 'j') apply({ type: 'down' });
    else if (/^[1-9]$/.test(input)) apply(opts.multi ? { type: 'toggleAt', index: Number(input) - 1 } : { type: 'goto', index: Number(input) - 1 });
    else if (input === ' ' && opts.multi) apply({ type: 'toggle' });
    else if (key.return) {
      const answer = choiceAnswer(current());
      if (answer === undefined) opts.onEmpty(); else opts.onSubmit(answer);
    }
  }, opts.active);
  return state;
}
