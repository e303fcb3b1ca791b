/**
 * Vitest global setup: the renderer's production build, once per test run, for the
 * browser tests to serve (dist/renderer). A build error fails the run here, plainly.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/** dist/renderer, or TREU_RENDERER_BUILD: two test runs side by side must not share one. */
export const RENDERER_BUILD =
  process.env.TREU_RENDERER_BUILD ?? fileURLToPath(new URL('../../dist/renderer', import.meta.url));

export default async function buildRenderer(): Promise<void> {
  await build({
    configFile: fileURLToPath(new URL('../../renderer/vite.config.ts', import.meta.url)),
    logLevel: 'warn',
    build: { outDir: RENDERER_BUILD },
  });
}
