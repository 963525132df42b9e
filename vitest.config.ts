import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // integration tests spawn the built CLI and real git/just/python; 2 cores on CI
    maxWorkers: 2,
    env: { NO_COLOR: '1', FORCE_COLOR: '0', LYNX_LEARNER: '' },
  },
});
