import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['node_modules/**', 'test/bench/**'],
    testTimeout: 60_000,
    globalSetup: ['test/support/build-renderer.ts'],
  },
});
