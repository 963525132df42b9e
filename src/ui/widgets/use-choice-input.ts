/** Keys → choice actions (one key at a time; the app splits chunks): ↑/↓ (or k/j) move, 1–9 jump (and tick, in a multi-select), Space ticks, Enter submits. */
import { useRef, useState } from 'react';
import { useWidgetKeys } from './key-router.js';
import { choiceAnswer, choiceReducer, initChoice, type ChoiceAction, type ChoiceState } from './choice.reducer.js';

export interface ChoiceInputOptions { count: number; multi: boolean; initial?: readonly number[]; active: boolean; onSubmit: (answer: number | number[]) => void; onEmpty: () => void }

export function useChoiceInput(opts: ChoiceInputOptions): ChoiceState {
  const [state, setState] = useState<ChoiceState>(() => initChoice(opts.count, opts.multi, opts.initial));
  const ref = useRef(state);
  const apply = (a: ChoiceAction): void => { ref.current = choiceReducer(ref.current, a); setState(ref.current); };
  useWidgetKeys((input, key) => {
    if (key.upArrow || input === 'k') apply({ type: 'up' });
    else if (key.downArrow || input === 'j') apply({ type: 'down' });
    else if (/^[1-9]$/.test(input)) apply(opts.multi ? { type: 'toggleAt', index: Number(input) - 1 } : { type: 'goto', index: Number(input) - 1 });
    else if (input === ' ' && opts.multi) apply({ type: 'toggle' });
    else if (key.return) {
      const answer = choiceAnswer(ref.current);
      if (answer === undefined) opts.onEmpty(); else opts.onSubmit(answer);
    }
  }, opts.active);
  return state;
}
