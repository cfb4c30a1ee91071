import { defineConfig } from 'vitest/config';

// Unit and server (inject) tests. Browser e2e has its own config in tests/e2e.
export default defineConfig({
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'apps/*/src/**/*.test.{ts,tsx}',
      'apps/server/test/**/*.test.ts',
      // Checks of the repository itself: dependency rules, the code map in docs/navigating-the-code.md.
      'tests/structure/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 20_000,
    // Hooks build fixtures (thousands of synthetic cases, a server with its stores): on a loaded
    // 2-core machine 10 s was not always enough.
    hookTimeout: 60_000,
  },
});
