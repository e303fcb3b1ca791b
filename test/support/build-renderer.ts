/**
 * Vitest global setup: the renderer's production build, once per test run, for the
 * browser tests to serve (dist/renderer). A build error fails the run here, plainly.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export const RENDERER_BUILD = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

export default async function buildRenderer(): Promise<void> {
  await build({
    configFile: fileURLToPath(new URL('../../renderer/vite.config.ts', import.meta.url)),
    logLevel: 'warn',
  });
}
