/**
 * `GET /v1/snapshot`: the tenant's projection as of its newest position, folded here from
 * the stored events with the same shared fold every terminal runs. Nothing is cached: any
 * instance answers the same. A tenant of a million events takes seconds; a terminal asks
 * once, when it starts with an empty store.
 */
import type { FastifyInstance } from 'fastify';
import type { LedgerEvent } from '../../shared/ledger/envelope';
import { foldEvents } from '../../shared/projection/projection';
import { projectionSnapshot } from '../../shared/projection/snapshot';
import type { SnapshotResponse } from '../../shared/sync/protocol';
import type { ServerStore } from '../store/server-store';
import { authenticate } from './authenticate';

const PAGE = 10_000;

export function registerSnapshotRoute(app: FastifyInstance, store: ServerStore): void {
  app.get('/v1/snapshot', async (request, reply) => {
    const terminal = await authenticate(store, request, reply);
    if (!terminal) return reply;
    const events: LedgerEvent[] = [];
    let position = 0;
    for (;;) {
      const page = await store.eventsAfter(terminal.tenant, position, PAGE);
      // Stored only after passing the event schema: the bodies are events.
      for (const row of page) events.push(JSON.parse(row.body) as LedgerEvent);
      position = page.at(-1)?.position ?? position;
      if (page.length < PAGE) break;
    }
    return {
      cursor: String(position),
      events: events.length,
      snapshot: projectionSnapshot(foldEvents(events)),
    } satisfies SnapshotResponse;
  });
}
