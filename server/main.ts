/**
 * `npm run server`: the sync server on its own (flags in server-config.ts). It serves the
 * terminal's build at `/` when one was built (npm run build:renderer).
 */
import { fileURLToPath } from 'node:url';
import { readServerConfig } from './server-config';
import { describeStartFailure, runSyncServer } from './run-server';

const rendererFolder = fileURLToPath(new URL('../dist/renderer', import.meta.url));
const config = readServerConfig(process.argv.slice(2), process.env);
if (!config.ok) {
  console.error(config.error);
  process.exit(2);
}
try {
  const server = await runSyncServer(config.value, rendererFolder);
  console.log(
    `Treu sync server at ${server.url} on ${server.store.kind === 'sqlite' ? `SQLite in ${config.value.dataFolder}` : 'PostgreSQL'}.`,
  );
  console.log('Set up tenants, stores and enrolment codes with: npm run admin -- --help');
} catch (error) {
  console.error(describeStartFailure(error, config.value));
  process.exit(1);
}
