import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Workers: one more than the cores. Most integration files wait on child processes (git, just,
// python3, a spawned lynx, a timeout), so with one worker per core the 2-core machine was ~150 % busy
// (measured: 294 s CPU in 193 s); a third worker fills those waits. LYNX_TEST_WORKERS overrides it.
const workers = Number(process.env.LYNX_TEST_WORKERS) || availableParallelism() + 1;

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // forks, not threads: the in-process tier (tests/helpers/app.ts) narrows process.env and the
    // use cases add signal listeners to the process; a child process keeps both out of the runner.
    // (Threads measured no cheaper here: 29.7 vs 30.4 s CPU for tests/unit.)
    pool: 'forks',
    maxWorkers: workers,
    env: { NO_COLOR: '1', FORCE_COLOR: '0', LYNX_LEARNER: '' },
    projects: [
      // The unit files are pure (core, ui reducers and views, schemas): one worker process runs many of
      // them without a new process and module graph each (measured: tests/unit 36.9 → 23.3 s CPU).
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'], isolate: false },
      },
      // The integration files stay one process each: the in-process tier narrows process.env and a use
      // case leaves signal listeners and per-workspace caches behind (measured: sharing them saved 7 %
      // and broke workspace.test.ts, whose LYNX_LEARNER another file had changed).
      // globalSetup: one directory per run, where a fixture is built once for every file (shared-demo.ts)
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/helpers/run-root.ts'],
        },
      },
    ],
  },
});
