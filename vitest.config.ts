import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Renderer unit tests cover pure helpers only (no DOM); screens are tested end to end.
    include: [
      'src-main/**/*.test.ts',
      'src-shared/**/*.test.ts',
      'src-renderer/**/*.test.ts',
      'src-hq-ui/**/*.test.ts',
      'src-hq/**/*.test.ts',
      'tests/integration/**/*.test.ts',
      'tests/hq/**/*.test.ts',
      'tests/sync/**/*.test.ts',
    ],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
