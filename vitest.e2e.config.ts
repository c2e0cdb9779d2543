import { defineConfig } from 'vitest/config';

/** End-to-end: the built Node host driven in Debian's Chromium by Playwright, one file at a time. */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
