/**
 * `GET /v1/snapshot`: the tenant's projection as of its newest position, folded here from
 * the stored events with the same shared fold every terminal runs. Nothing is cached: any
 * instance answers the same. The events are read in account order, which the store keeps
 * an index for, and folded account by account (shared/projection/fold-by-account.ts): a
 * tenant of a million events takes seconds, most of them reading and parsing. A terminal
 * asks once, when it starts with an empty store.
 */
import type { FastifyInstance } from 'fastify';
import { hlcWallMs } from '../../shared/clock';
import type { LedgerEvent } from '../../shared/ledger/envelope';
import { foldInAccountOrder } from '../../shared/projection/fold-by-account';
import { viewsSnapshot } from '../../shared/projection/snapshot';
import type { SnapshotResponse } from '../../shared/sync/protocol';
import { ACCOUNT_ORDER_START, type ServerStore } from '../store/server-store';
import { authenticate } from './authenticate';

const PAGE = 10_000;

export function registerSnapshotRoute(app: FastifyInstance, store: ServerStore): void {
  app.get('/v1/snapshot', async (request, reply) => {
    const terminal = await authenticate(store, request, reply);
    if (!terminal) return reply;
    const position = await store.newestPosition(terminal.tenant);
    const events: LedgerEvent[] = [];
    let newestHlc = '';
    for (let after = ACCOUNT_ORDER_START; ;) {
      const page = await store.eventsInAccountOrder(terminal.tenant, position, after, PAGE);
      for (const row of page) {
        // Stored only after passing the event schema: the bodies are events.
        events.push(JSON.parse(row.body) as LedgerEvent);
        if (row.hlc > newestHlc) newestHlc = row.hlc;
      }
      const last = page.at(-1);
      if (last === undefined || page.length < PAGE) break;
      after = last;
    }
    return {
      cursor: String(position),
      events: events.length,
      snapshot: viewsSnapshot(
        foldInAccountOrder(events),
        newestHlc === '' ? 0 : hlcWallMs(newestHlc),
      ),
    } satisfies SnapshotResponse;
  });
}
