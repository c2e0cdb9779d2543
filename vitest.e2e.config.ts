import { defineConfig } from 'vitest/config';

/**
 * End-to-end: the built Node host driven in Debian's Chromium by Playwright,
 * one file at a time. Whatever a test starts is stopped however it ends
 * (support/setup.ts per file, support/global-setup.ts for the whole run).
 */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    setupFiles: ['tests/e2e/support/setup.ts'],
    globalSetup: ['tests/e2e/support/global-setup.ts'],
  },
});
