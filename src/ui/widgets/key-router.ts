/**
 * One key listener per app. ink's useInput re-subscribes whenever its handler changes, and a
 * widget that mounts subscribes only after React's passive effects run: keys that arrive in those
 * gaps (a fast typist right after a screen change, tmux send-keys) would be dropped. So the app
 * subscribes once with a stable handler, and the widget on screen hands it its handler in a layout
 * effect — which runs in the same synchronous commit that draws the widget, so it is live the moment
 * the widget is on screen (a passive effect would leave a gap; writing during render is not allowed).
 */
import { createContext, useCallback, useContext, useLayoutEffect, useRef } from 'react';
import { useInput, type Key } from 'ink';

export type KeyHandler = (input: string, key: Key) => void;

export const WidgetKeys = createContext<{ current: KeyHandler | undefined }>({ current: undefined });

/** The widget on screen takes keys through its app (see QuizApp): its handler is the one used while it is active. */
export function useWidgetKeys(handler: KeyHandler, active: boolean): void {
  const slotRef = useContext(WidgetKeys);
  useLayoutEffect(() => {
    if (active) slotRef.current = handler;
  });
}

/** useInput with a handler whose identity never changes: ink subscribes once. */
export function useStableInput(handler: KeyHandler): void {
  const ref = useRef(handler);
  useLayoutEffect(() => {
    ref.current = handler;
  });
  const stable = useCallback<KeyHandler>((input, key) => ref.current(input, key), []);
  useInput(stable);
}
