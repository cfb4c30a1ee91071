import { defineConfig } from 'vitest/config';

// The load soak's CI sample alone (`npm test -- soak`): two minutes of devices that mostly think
// between syncs, so scripts/test.mjs runs it beside the unit suite. The interop config leaves it out.
export default defineConfig({
  test: {
    include: ['tests/soak/load-soak-sample.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 30_000,
  },
});
