/**
 * One key listener per app. ink's useInput re-subscribes whenever its handler changes, and a
 * widget that mounts subscribes only after React's passive effects run: keys that arrive in those
 * gaps (a fast typist right after a screen change, tmux send-keys) would be dropped. So the app
 * subscribes once with a stable handler, and the widget on screen hands it its handler during
 * render — live the moment the widget is drawn.
 */
import { createContext, useCallback, useContext, useRef } from 'react';
import { useInput, type Key } from 'ink';

export type KeyHandler = (input: string, key: Key) => void;

export const WidgetKeys = createContext<{ current: KeyHandler | undefined }>({ current: undefined });

/** The widget on screen takes keys through its app (see QuizApp); set during render, while active. */
export function useWidgetKeys(handler: KeyHandler, active: boolean): void {
  const slot = useContext(WidgetKeys);
  if (active) slot.current = handler;
}

/** useInput with a handler whose identity never changes: ink subscribes once. */
export function useStableInput(handler: KeyHandler): void {
  const ref = useRef(handler);
  ref.current = handler;
  const stable = useCallback<KeyHandler>((input, key) => ref.current(input, key), []);
  useInput(stable);
}
