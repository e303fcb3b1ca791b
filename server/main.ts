/**
 * `npm start`: builds the terminal (the renderer) and serves it on localhost, so it opens
 * in Chromium or Chrome. The sync server and the Electron shell come later (README,
 * "Status"); until then the terminal runs standalone in the browser.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { serveFolder } from './static-files';

const PORT = Number(process.env.PORT ?? 8080);
const root = fileURLToPath(new URL('..', import.meta.url));

if (!Number.isInteger(PORT) || PORT < 1 || PORT > 65_535) {
  console.error(`PORT must be a port number (1 to 65535), not "${process.env.PORT ?? ''}".`);
  process.exit(2);
}

console.log('Building the terminal…');
await build({ configFile: `${root}renderer/vite.config.ts`, logLevel: 'warn' });
try {
  const server = await serveFolder(`${root}dist/renderer`, PORT);
  console.log(`Treu is running. Open ${server.url} in Chromium or Chrome.`);
  console.log('The terminal keeps its data in that browser (IndexedDB). Stop with Ctrl+C.');
} catch (error) {
  const code = (error as { code?: unknown }).code;
  console.error(
    code === 'EADDRINUSE'
      ? `Port ${PORT} is in use. Start on another one: PORT=8081 npm start`
      : `Could not start: ${String(error)}`,
  );
  process.exit(1);
}
