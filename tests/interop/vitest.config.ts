import { defineConfig } from 'vitest/config';

// Interop tests: real PouchDB 9 on LevelDB against real Tern servers on loopback ports. One file at a time.
export default defineConfig({
  test: {
    // The fault campaign's CI sample (tests/soak) runs here too: a real server process on LevelDB.
    include: ['tests/interop/**/*.test.ts', 'tests/soak/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 30_000,
  },
});
