/**
 * Keys → text actions. Enter submits; Alt+Enter, or Enter right after a `\`, starts a new line in a
 * multi-line field. Pastes arrive in one chunk: inside bracketed paste (ESC[200~ … ESC[201~, which
 * the quiz turns on) everything is literal text; outside it, a chunk that ends in a newline is text
 * typed faster than one read followed by Enter.
 */
import { useRef } from 'react';
import type { Key } from 'ink';
import { useWidgetKeys } from './key-router.js';
import { useSyncReducer } from './use-sync-reducer.js';
import { initText, textReducer, type TextAction, type TextState } from './text-input.reducer.js';

export interface TextInputOptions { initial?: string; multiline: boolean; active: boolean; onSubmit: (value: string) => void; onChange?: (value: string) => void }

const PASTE_START = '[200~';
const PASTE_END = '[201~';

export function keyToTextAction(input: string, key: Key): TextAction | undefined {
  if (key.leftArrow) return { type: 'left' };
  if (key.rightArrow) return { type: 'right' };
  if (key.upArrow) return { type: 'up' };
  if (key.downArrow) return { type: 'down' };
  if (key.home) return { type: 'home' };
  if (key.end) return { type: 'end' };
  // terminals send DEL (0x7f) for Backspace, which ink reports as `delete`
  if (key.backspace || key.delete) return { type: 'backspace' };
  if (key.ctrl) {
    const map: Record<string, TextAction> = { a: { type: 'home' }, e: { type: 'end' }, b: { type: 'left' }, f: { type: 'right' }, d: { type: 'delete' }, u: { type: 'killToStart' }, k: { type: 'killToEnd' }, w: { type: 'deleteWord' } };
    return map[input];
  }
  return undefined;
}

export function useTextInput(opts: TextInputOptions): TextState {
  const [state, dispatch, current] = useSyncReducer(textReducer, () => initText(opts.initial ?? '', opts.multiline));
  const pasting = useRef(false);
  const apply = (actions: TextAction[], submit: boolean): void => {
    const before = current().value;
    for (const a of actions) dispatch(a);
    const { value } = current();
    if (value !== before) opts.onChange?.(value);
    if (submit) opts.onSubmit(value);
  };
  useWidgetKeys((input, key) => {
    if (input === PASTE_START) { pasting.current = true; return; }
    if (input === PASTE_END) { pasting.current = false; return; }
    if (pasting.current) { apply([{ type: 'insert', text: input }], false); return; }
    if (key.return) {
      const before = [...current().value][current().cursor - 1];
      if (opts.multiline && (key.meta || before === '\\')) apply(before === '\\' && !key.meta ? [{ type: 'backspace' }, { type: 'newline' }] : [{ type: 'newline' }], false);
      else apply([], true);
      return;
    }
    const action = keyToTextAction(input, key);
    if (action) { apply([action], false); return; }
    if (key.ctrl || key.meta || input === '') return;
    // a chunk with newlines: text, then Enter (a newline in the middle of a multi-line paste stays)
    const m = /^([\s\S]*?)(\r\n|\r|\n)$/.exec(input);
    if (m) apply([{ type: 'insert', text: m[1] ?? '' }], true);
    else apply([{ type: 'insert', text: input }], false);
  }, opts.active);
  return state;
}
