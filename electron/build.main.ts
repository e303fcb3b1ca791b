/**
 * `npm run build:electron`: bundles main and the preload into dist/electron/ as CommonJS
 * (a sandboxed preload cannot load ES modules). node-hid (a native module) and
 * electron-updater stay outside the bundle and are loaded from node_modules.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const common = {
  bundle: true,
  platform: 'node',
  // Electron 40's Node.
  target: 'node22',
  format: 'cjs',
  logLevel: 'warning',
} as const;

await build({
  ...common,
  entryPoints: [`${root}electron/main.ts`],
  outfile: `${root}dist/electron/main.cjs`,
  external: ['electron', 'node-hid', 'electron-updater'],
});
await build({
  ...common,
  entryPoints: [`${root}electron/preload.ts`],
  outfile: `${root}dist/electron/preload.cjs`,
  external: ['electron'],
});
console.log('Built dist/electron/main.cjs and preload.cjs.');
