/**
 * useReducer whose latest state can be read at once: keys can arrive faster than React renders
 * (a paste, a fast typist, tmux send-keys), so input handlers decide on the state as of the last
 * action, not on the state of the last render.
 */
import { useRef, useState } from 'react';

export function useSyncReducer<S, A>(reducer: (s: S, a: A) => S, init: () => S): [S, (a: A) => void, () => S] {
  const [state, setState] = useState(init);
  const ref = useRef(state);
  const dispatch = (a: A): void => {
    ref.current = reducer(ref.current, a);
    setState(ref.current);
  };
  return [state, dispatch, () => ref.current];
}
