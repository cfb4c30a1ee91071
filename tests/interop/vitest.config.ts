import { defineConfig } from 'vitest/config';

// Interop tests: real PouchDB 9 on LevelDB against real Tern servers on loopback ports. One file at a time.
export default defineConfig({
  test: {
    // The CI samples of the fault campaign (tests/soak) and of the volume fuzzing (tests/fuzz) run here
    // too: real LevelDB, a real server process for the campaign.
    include: ['tests/interop/**/*.test.ts', 'tests/soak/**/*.test.ts', 'tests/fuzz/**/*.test.ts'],
    // The load soak's sample has its own suite, run beside the unit suite (tests/soak/load-vitest.config.ts).
    exclude: ['tests/soak/load-soak-sample.test.ts', '**/node_modules/**'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 30_000,
  },
});
