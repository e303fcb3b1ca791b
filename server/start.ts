/**
 * `npm start`: builds the terminal, starts the sync server on SQLite (or DATABASE_URL)
 * serving it, and on a first start sets up a demo café with an enrolment code.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { createStore, createTenant, makeEnrolmentCode } from './admin/tenancy';
import { readServerConfig } from './server-config';
import { describeStartFailure, runSyncServer } from './run-server';

const root = fileURLToPath(new URL('..', import.meta.url));
const config = readServerConfig(process.argv.slice(2), process.env);
if (!config.ok) {
  console.error(config.error);
  process.exit(2);
}

console.log('Building the terminal…');
await build({ configFile: `${root}renderer/vite.config.ts`, logLevel: 'warn' });
try {
  const server = await runSyncServer(config.value, `${root}dist/renderer`);
  const now = Date.now();
  let tenants = await server.store.tenants();
  if (tenants.length === 0) {
    const tenant = await createTenant(server.store, 'Demo Café (invented)', now);
    await createStore(server.store, tenant.id, 'Demo Café, Main Street', now);
    tenants = [tenant];
  }
  const shop = tenants[0] ? (await server.store.stores(tenants[0].id))[0] : undefined;
  const code = shop ? await makeEnrolmentCode(server.store, shop.id, now) : undefined;
  const open = code?.ok ? `${server.url}#enrol=${code.value.code}` : server.url;
  console.log(`Treu is running. Open ${open} in Chromium or Chrome.`);
  console.log(
    `Sync server on ${server.store.kind === 'sqlite' ? `SQLite in ${config.value.dataFolder}` : 'PostgreSQL'}.`,
  );
  if (code?.ok)
    console.log(`Enrolment code for ${code.value.store.name}: ${code.value.code} (valid 24 h).`);
  console.log('The terminal keeps its data in that browser (IndexedDB). Stop with Ctrl+C.');
} catch (error) {
  console.error(describeStartFailure(error, config.value));
  process.exit(1);
}
