import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Workers: one more than the cores. Most integration files wait on child processes (git, just,
// python3, a spawned lynx, a timeout), so with one worker per core the 2-core machine was ~150 % busy
// (measured: 294 s CPU in 193 s); a third worker fills those waits. LYNX_TEST_WORKERS overrides it.
const workers = Number(process.env.LYNX_TEST_WORKERS) || availableParallelism() + 1;

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // forks, not threads: the in-process tier (tests/helpers/app.ts) narrows process.env and the
    // use cases add signal listeners to the process; a child process keeps both out of the runner.
    // (Threads measured no cheaper here: 29.7 vs 30.4 s CPU for tests/unit.)
    pool: 'forks',
    maxWorkers: workers,
    env: { NO_COLOR: '1', FORCE_COLOR: '0', LYNX_LEARNER: '' },
  },
});
