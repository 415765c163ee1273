import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each test file gets its own HUNCH_HOME so sessions and caches never leak between files.
    setupFiles: ['test/helpers/setup.ts'],
    reporters: ['default'],
  },
});
