import { defineConfig } from 'vitest/config';

// Browser end-to-end tests: real Chromium, real server process, real LevelDB. One file at a time.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
