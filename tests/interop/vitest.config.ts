import { defineConfig } from 'vitest/config';

// Interop tests: real PouchDB 9 on LevelDB against real Tern servers on loopback ports. One file at a time.
export default defineConfig({
  test: {
    include: ['tests/interop/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 30_000,
  },
});
