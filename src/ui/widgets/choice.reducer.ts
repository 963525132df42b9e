/** A choice list's state (pure): the cursor, and for multi-select the set of ticked choices. */
export interface ChoiceState {
  count: number;
  multi: boolean;
  cursor: number;
  selected: number[];
}

export type ChoiceAction =
  | { type: 'up' }
  | { type: 'down' }
  | { type: 'goto'; index: number }
  | { type: 'toggle' }
  | { type: 'toggleAt'; index: number };

export const initChoice = (count: number, multi: boolean, selected: readonly number[] = []): ChoiceState => ({
  count,
  multi,
  cursor: selected[0] ?? 0,
  selected: multi ? [...selected].sort((a, b) => a - b) : [...selected].slice(0, 1),
});

function toggle(s: ChoiceState, i: number): ChoiceState {
  if (!s.multi) return { ...s, cursor: i, selected: [i] };
  const selected = s.selected.includes(i)
    ? s.selected.filter((x) => x !== i)
    : [...s.selected, i].sort((a, b) => a - b);
  return { ...s, cursor: i, selected };
}

export function choiceReducer(s: ChoiceState, a: ChoiceAction): ChoiceState {
  switch (a.type) {
    // the cursor wraps: from the last choice, down is the first
    case 'up':
      return { ...s, cursor: (s.cursor - 1 + s.count) % s.count };
    case 'down':
      return { ...s, cursor: (s.cursor + 1) % s.count };
    case 'goto':
      return a.index >= 0 && a.index < s.count ? { ...s, cursor: a.index } : s;
    case 'toggle':
      return toggle(s, s.cursor);
    case 'toggleAt':
      return a.index >= 0 && a.index < s.count ? toggle(s, a.index) : s;
  }
}

/** What Enter submits: the choice under the cursor (single), or the ticked set (multi; none → nothing). */
export function choiceAnswer(s: ChoiceState): number | number[] | undefined {
  if (!s.multi) return s.cursor;
  return s.selected.length > 0 ? s.selected : undefined;
}
