/**
 * The live gate run in a terminal, like `lab --run`: finished commands scroll up (<Static>), each
 * running one shows a spinner, its elapsed time, its log path and the tail of its output.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { Box, Static, Text, render } from 'ink';
import { formatDuration } from '../core/lab.js';
import type { CommandProgress } from '../core/checks/types.js';
import { CHECK_TAIL, reduceProgress, type ProgressEvent, type ProgressState } from './check-progress-state.js';
import { checkLine } from './check-progress-line.js';
import { theme } from './theme.js';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** One frame, from state and the current time: what tests render. */
export function CheckProgressFrame({ state, now, title }: { state: ProgressState; now: number; title: string }) {
  const t = theme();
  const done = state.cmds.filter((c) => c.status !== 'running');
  const running = state.cmds.filter((c) => c.status === 'running');
  return (
    <Box flexDirection="column">
      <Static items={[{ key: 'title', line: title }, ...done.map((c) => ({ key: `c${c.id}`, line: checkLine(c, t) }))]}>
        {(item) => <Text key={item.key}>{item.line}</Text>}
      </Static>
      {running.map((c) => (
        <Box key={c.id} flexDirection="column">
          <Text>
            <Text color="cyan">{FRAMES[Math.floor(now / 80) % FRAMES.length]}</Text> {c.label}
            <Text
              dimColor
            >{`  ${formatDuration(Math.max(0, now - c.startedAt))}${c.log ? `  log: ${c.log}` : ''}`}</Text>
          </Text>
          {[...c.tail, ...(c.partial === '' ? [] : [c.partial])].slice(-CHECK_TAIL).map((l, k) => (
            <Text key={k} dimColor wrap="truncate-end">{`  │ ${l}`}</Text>
          ))}
        </Box>
      ))}
    </Box>
  );
}

interface Store {
  get: () => ProgressState;
  dispatch: (e: ProgressEvent) => void;
  subscribe: (fn: () => void) => () => void;
}

function createStore(): Store {
  let state: ProgressState = { cmds: [] };
  const subs = new Set<() => void>();
  return {
    get: () => state,
    dispatch: (e) => {
      state = reduceProgress(state, e);
      for (const f of subs) f();
    },
    subscribe: (fn) => {
      subs.add(fn);
      return () => {
        subs.delete(fn);
      };
    },
  };
}

function View({ store, title }: { store: Store; title: string }) {
  const state = useSyncExternalStore(store.subscribe, store.get);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 100);
    return () => clearInterval(id);
  }, []);
  return <CheckProgressFrame state={state} now={now} title={title} />;
}

/** Render lazily: a gate whose checks run no command draws nothing. `close` unmounts before the result prints. */
export function inkProgress(title: string): { progress: CommandProgress; close: () => Promise<void> } {
  const store = createStore();
  let app: ReturnType<typeof render> | undefined;
  const ensure = (): void => {
    // exitOnCtrlC off: Ctrl-C is a signal to the run (proc.ts kills the tree, the use case stops)
    app ??= render(<View store={store} title={title} />, { exitOnCtrlC: false, patchConsole: false });
  };
  return {
    progress: {
      start: (id, label, log) => {
        ensure();
        store.dispatch({ type: 'start', id, label, log, at: Date.now() });
      },
      output: (id, chunk) => store.dispatch({ type: 'output', id, chunk }),
      end: (id, label, r) => {
        ensure();
        store.dispatch({ type: 'end', id, label, r, at: Date.now() });
      },
    },
    close: async () => {
      app?.unmount();
      await app?.waitUntilExit().catch(() => undefined);
    },
  };
}
