import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    testTimeout: 60_000,
    globalSetup: ['test/support/build-renderer.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          // The benches themselves run with `npm run bench`; tests of their tools run here.
          exclude: ['node_modules/**', 'test/bench/**/*.bench.ts', 'test/e2e/**'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        // The cashier's journeys in Chromium run after the rest, one file at a time: a
        // fake camera's frames decode on the same two cores, and must not be starved by
        // the property tests running beside them.
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
