/**
 * HQ's terminals: `GET /v1/hq/terminals` lists the signed-in tenant's terminals with
 * their store, last sync (last push or pull) and revocation; `POST
 * /v1/hq/terminals/:id/revoke` revokes one, after which its token is refused at once.
 * Another tenant's terminal is "not found", never shown nor touched.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { terminalIdSchema } from '../../shared/ledger/event-types';
import type { HqTerminal, RevokeResponse, TerminalsResponse } from '../../shared/sync/hq-protocol';
import type { StoreRow, TerminalRow } from '../store/server-store';
import type { ServerStore } from '../store/server-store';
import { parseInput, requireAdmin, sameOrigin, sendHqError } from './hq-session';

const revokeParamsSchema = z.strictObject({ id: terminalIdSchema });

const hqTerminal = (terminal: TerminalRow, stores: readonly StoreRow[]): HqTerminal => ({
  id: terminal.id,
  name: terminal.name,
  store: terminal.store,
  storeName: stores.find((s) => s.id === terminal.store)?.name ?? terminal.store,
  enrolledMs: terminal.enrolledMs,
  lastSyncMs: terminal.lastSyncMs ?? null,
  revokedMs: terminal.revokedMs ?? null,
});

export function registerHqTerminalRoutes(
  app: FastifyInstance,
  store: ServerStore,
  now: () => number,
): void {
  app.get('/v1/hq/terminals', async (request, reply) => {
    const admin = await requireAdmin(store, request, reply, now());
    if (!admin) return reply;
    const stores = await store.stores(admin.tenant);
    const terminals = await store.terminals(admin.tenant);
    return { terminals: terminals.map((t) => hqTerminal(t, stores)) } satisfies TerminalsResponse;
  });

  app.post('/v1/hq/terminals/:id/revoke', async (request, reply) => {
    if (!sameOrigin(request, reply)) return reply;
    const nowMs = now();
    const admin = await requireAdmin(store, request, reply, nowMs);
    if (!admin) return reply;
    const params = parseInput(revokeParamsSchema, request.params, reply, 'query');
    if (!params) return reply;
    const terminal = await store.terminal(params.id);
    if (!terminal || terminal.tenant !== admin.tenant) {
      return sendHqError(
        reply,
        404,
        'not_found',
        `There is no terminal ${params.id} in your stores.`,
      );
    }
    await store.revokeTerminal(terminal.id, nowMs);
    const revoked = (await store.terminal(terminal.id)) ?? terminal;
    return {
      terminal: hqTerminal(revoked, await store.stores(admin.tenant)),
    } satisfies RevokeResponse;
  });
}
