import { defineConfig } from 'vitest/config';

// Fault tests: the link shaper, and the real server process (LevelDB) behind it with cuts and kills.
// One file at a time: they start server processes and measure time on a shaped link.
export default defineConfig({
  test: {
    include: ['tests/fault/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 60_000,
  },
});
