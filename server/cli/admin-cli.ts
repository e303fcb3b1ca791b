/**
 * The administrator's command-line tool (`npm run admin -- <command>`): tenants, stores,
 * one-time enrolment codes, terminals and their last sync, revocation, and HQ's
 * administrators (their passwords generated and shown once). Same store
 * options as the server (--data, --database-url, TREU_DATA, DATABASE_URL).
 */
import { parseArgs } from 'node:util';
import { createStore, createTenant, makeEnrolmentCode } from '../admin/tenancy';
import { createAdmin, resetAdminPassword } from '../hq/admin-accounts';
import { readServerConfig } from '../server-config';
import { openServerStore } from '../store/open-store';
import type { ServerStore } from '../store/server-store';

const USAGE = `Usage: npm run admin -- <command> [--data DIR | --database-url URL]

  tenant create <name>              a franchise (prints its id)
  tenants                           every tenant with its stores
  store create <tenant id> <name>   a store of a tenant (prints its id)
  code <store id> [--hours N]       a one-time enrolment code for a terminal (default 24 h)
  terminals [tenant id]             terminals with their store and last sync
  revoke <terminal id>              a lost or stolen terminal: its token stops working
  admin create <tenant id> <name>   an HQ login for the tenant (prints its password once)
  admin password <name>             a new password for an HQ login (its sessions end)
  admins [tenant id]                HQ logins with their tenant`;

const when = (ms: number | undefined) => (ms === undefined ? 'never' : new Date(ms).toISOString());

const ADMIN_REFUSALS = {
  unknown_tenant: (tenant: string) => `There is no tenant ${tenant}. See: tenants`,
  username_taken: (_tenant: string, name: string) =>
    `The name ${name} is taken already. Choose another, or: admin password ${name}`,
  bad_username: (_tenant: string, name: string) =>
    `"${name}" cannot be a login name: 2 to 80 letters, digits, dots, dashes, @ or _, starting with a letter or digit.`,
} as const;

type Outcome =
  | { readonly ok: true; readonly lines: string[] }
  | { readonly ok: false; readonly message: string };
const done = (...lines: string[]): Outcome => ({ ok: true, lines });
const fail = (message: string): Outcome => ({ ok: false, message });

async function runCommand(
  store: ServerStore,
  words: readonly string[],
  hours: number,
  nowMs: number,
): Promise<Outcome> {
  const [command, ...rest] = words;
  if (command === undefined) return fail('Which command?');
  switch (command) {
    case 'tenant': {
      const name = rest.slice(1).join(' ').trim();
      if (rest[0] !== 'create' || !name) return fail('Say: tenant create <name>');
      const tenant = await createTenant(store, name, nowMs);
      return done(`Tenant ${tenant.name}: ${tenant.id}`);
    }
    case 'tenants': {
      const lines: string[] = [];
      for (const tenant of await store.tenants()) {
        lines.push(`${tenant.id}  ${tenant.name}`);
        for (const shop of await store.stores(tenant.id)) lines.push(`  ${shop.id}  ${shop.name}`);
      }
      return done(...(lines.length > 0 ? lines : ['No tenants yet: tenant create <name>']));
    }
    case 'store': {
      const [verb, tenant, ...name] = rest;
      if (verb !== 'create' || !tenant || name.length === 0)
        return fail('Say: store create <tenant id> <name>');
      const created = await createStore(store, tenant, name.join(' '), nowMs);
      if (!created.ok) return fail(`There is no tenant ${tenant}. See: tenants`);
      return done(`Store ${created.value.name}: ${created.value.id}`);
    }
    case 'code': {
      const [shop] = rest;
      if (!shop) return fail('Say: code <store id> [--hours N]');
      const code = await makeEnrolmentCode(store, shop, nowMs, hours * 60 * 60 * 1000);
      if (!code.ok) return fail(`There is no store ${shop}. See: tenants`);
      return done(
        `Enrolment code for ${code.value.store.name}: ${code.value.code}`,
        `Enter it on the terminal to enrol it, before ${when(code.value.expiresMs)}. It works once.`,
      );
    }
    case 'terminals': {
      const terminals = await store.terminals(rest[0]);
      if (terminals.length === 0) return done('No terminals enrolled.');
      return done(
        ...terminals.map(
          (t) =>
            `${t.id}  ${t.name}  store ${t.store}  last sync ${when(t.lastSyncMs)}${t.revokedMs === undefined ? '' : `  REVOKED ${when(t.revokedMs)}`}`,
        ),
      );
    }
    case 'revoke': {
      const [terminal] = rest;
      if (!terminal) return fail('Say: revoke <terminal id>');
      return (await store.revokeTerminal(terminal, nowMs))
        ? done(`Terminal ${terminal} is revoked: the server refuses its token from now on.`)
        : fail(`There is no terminal ${terminal}. See: terminals`);
    }
    case 'admin': {
      const [verb, ...words] = rest;
      if (verb === 'create') {
        const [tenant, name] = words;
        if (!tenant || !name || words.length !== 2)
          return fail('Say: admin create <tenant id> <name>');
        const created = await createAdmin(store, tenant, name, nowMs);
        if (!created.ok) return fail(ADMIN_REFUSALS[created.error](tenant, name));
        return done(
          `HQ login ${created.value.admin.username} for tenant ${tenant}: password ${created.value.password}`,
          'The password is shown this once; the server keeps only its hash.',
        );
      }
      if (verb === 'password') {
        const [name] = words;
        if (!name || words.length !== 1) return fail('Say: admin password <name>');
        const password = await resetAdminPassword(store, name);
        return password === undefined
          ? fail(`There is no HQ login ${name}. See: admins`)
          : done(
              `New password for ${name.trim().toLowerCase()}: ${password}`,
              'Its open sessions ended.',
            );
      }
      return fail('Say: admin create <tenant id> <name>, or admin password <name>');
    }
    case 'admins': {
      const admins = await store.admins(rest[0]);
      if (admins.length === 0) return done('No HQ logins yet: admin create <tenant id> <name>');
      return done(
        ...admins.map((a) => `${a.username}  tenant ${a.tenant}  since ${when(a.createdMs)}`),
      );
    }
    default:
      return fail(`There is no command "${command}".`);
  }
}

/** Runs the tool on these arguments; returns the exit code. */
export async function adminCli(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  out: (line: string) => void,
  nowMs = Date.now(),
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        data: { type: 'string' },
        'database-url': { type: 'string' },
        hours: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    // parseArgs throws on an unknown flag: say which, with the usage.
    out(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help || parsed.positionals.length === 0) {
    out(USAGE);
    return parsed.values.help ? 0 : 2;
  }
  const hours = Number(parsed.values.hours ?? '24');
  if (!(hours > 0 && hours <= 24 * 30)) {
    out('--hours must be a number of hours from 1 to 720.');
    return 2;
  }
  const storeFlags = [
    ...(parsed.values.data === undefined ? [] : ['--data', parsed.values.data]),
    ...(parsed.values['database-url'] === undefined
      ? []
      : ['--database-url', parsed.values['database-url']]),
  ];
  const config = readServerConfig(storeFlags, env);
  if (!config.ok) {
    out(config.error);
    return 2;
  }
  const store = await openServerStore(config.value);
  try {
    const outcome = await runCommand(store, parsed.positionals, hours, nowMs);
    if (!outcome.ok) {
      out(`${outcome.message}\n\n${USAGE}`);
      return 2;
    }
    for (const line of outcome.lines) out(line);
    return 0;
  } finally {
    await store.close();
  }
}
