/**
 * `npm start`: builds the terminal, starts the sync server on SQLite (or DATABASE_URL)
 * serving it, on a first start sets up a demo café, and opens the terminal with a fresh
 * enrolment code: the Electron app, or Chromium's app mode where Electron is missing.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chooseTerminalLaunch, type TerminalLaunch } from './terminal-launcher';
import { createStore, createTenant, makeEnrolmentCode } from './admin/tenancy';
import { DEMO_ADMIN, demoAdminPassword } from './demo/demo-admin';
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
  console.log(
    `Treu is running: sync server at ${server.url} on ${server.store.kind === 'sqlite' ? `SQLite in ${config.value.dataFolder}` : 'PostgreSQL'}.`,
  );
  if (code?.ok)
    console.log(
      `Enrolment code for ${code.value.store.name}: ${code.value.code} (valid ${Math.round((code.value.expiresMs - now) / 3_600_000)} h).`,
    );
  if (tenants[0]) {
    const password = await demoAdminPassword(server.store, tenants[0].id, now);
    console.log(
      `HQ, the owner's dashboard: ${server.url}hq — sign in as ${DEMO_ADMIN} with password ${password} (new at each start).`,
    );
  }
  const { launch, line } = chooseTerminalLaunch(open, {
    root,
    dataFolder: config.value.dataFolder,
    env: process.env,
    platform: process.platform,
    isRoot: process.getuid?.() === 0,
    exists: existsSync,
    readText: (path) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined),
  });
  console.log(line);
  openTerminal(launch);
  console.log(`Open ${open} in Chromium or Chrome for a terminal in the browser.`);
  console.log('A terminal keeps its data in its own profile (IndexedDB). Stop with Ctrl+C.');
} catch (error) {
  console.error(describeStartFailure(error, config.value));
  process.exit(1);
}

/** Starts the terminal's window; a failure to start it leaves the address to open. */
function openTerminal(launch: TerminalLaunch): void {
  if (launch.kind === 'address') return;
  if (launch.kind === 'electron') {
    // The same build as `npm run build:electron`, run as its own process (electron/ is
    // not imported from server/).
    const built = spawnSync(
      process.execPath,
      ['--import', 'tsx', `${root}electron/build.main.ts`],
      {
        stdio: 'inherit',
      },
    );
    if (built.status !== 0) {
      console.error('The Electron main process did not build: open the address instead.');
      return;
    }
  }
  const child = spawn(launch.binary, launch.args, { stdio: 'ignore' });
  child.on('error', (error) => {
    console.error(`The terminal window did not start (${error.message}).`);
  });
  // A window that dies at once (no display it can use, a sandbox refused) is said, not hidden.
  child.on('exit', (code) => {
    if (code !== 0 && code !== null) {
      console.error(`The terminal window ended with exit code ${code}: open the address instead.`);
    }
  });
}
