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
  },
});
