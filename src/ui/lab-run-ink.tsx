/** The TTY path of `lynx lab --run`: the same run, shown live by ink (loaded only here). */
import { render } from 'ink';
import { createStore, type RunEvent, type Store } from './lab-run-state.js';
import { LabRunView } from './lab-run-view.js';

interface Hooks {
  onPlan?: (labels: string[], title: string) => void;
  onEvent?: (e: RunEvent) => void;
}

export async function runWithInk<O extends Hooks, R>(opts: O, run: (o: O) => Promise<R>): Promise<R> {
  let store: Store | undefined;
  let app: ReturnType<typeof render> | undefined;
  try {
    return await run({
      ...opts,
      onPlan: (labels: string[], title: string) => {
        store = createStore(labels);
        // exitOnCtrlC off: Ctrl-C is a signal to the run (it kills the process tree and records it).
        app = render(<LabRunView store={store} title={title} />, { exitOnCtrlC: false, patchConsole: false });
      },
      onEvent: (e: RunEvent) => store?.dispatch(e),
    });
  } finally {
    app?.unmount();
    await app?.waitUntilExit().catch(() => undefined);
  }
}
