/**
 * `GET /v1/events?after=CURSOR&limit=N`: the tenant's events in server order. The stored
 * canonical JSON goes out as it is, spliced into the answer, never parsed again. A cursor
 * beyond the tenant's newest event (the server's data was reset or restored) is a 409:
 * answering "nothing new" would hide every event stored from then on.
 */
import type { FastifyInstance } from 'fastify';
import { describeFieldErrors, fieldErrors } from '../../shared/ledger/envelope';
import { pullQuerySchema } from '../../shared/sync/protocol';
import type { ServerStore } from '../store/server-store';
import { authenticate } from './authenticate';
import { sendError } from './error-replies';

const DEFAULT_LIMIT = 500;

export function registerPullRoute(
  app: FastifyInstance,
  store: ServerStore,
  now: () => number,
): void {
  app.get('/v1/events', async (request, reply) => {
    const terminal = await authenticate(store, request, reply);
    if (!terminal) return reply;
    const query = pullQuerySchema.safeParse(request.query);
    if (!query.success) {
      return sendError(
        reply,
        400,
        'invalid_query',
        `Invalid pull: ${describeFieldErrors(fieldErrors(query.error))}`,
      );
    }
    const after = Number(query.data.after ?? 0);
    const limit = query.data.limit ?? DEFAULT_LIMIT;
    const rows = await store.eventsAfter(terminal.tenant, after, limit + 1);
    const page = rows.slice(0, limit);
    if (page.length === 0 && after > 0) {
      const newest = await store.newestPosition(terminal.tenant);
      if (after > newest) {
        return sendError(
          reply,
          409,
          'cursor_ahead',
          `This terminal has read up to ${after}, but the server holds events only up to ${newest}: the server's data was reset or restored from a backup. The terminal keeps its events; the server's newest data must be restored before it can sync.`,
        );
      }
    }
    const cursor = String(page.at(-1)?.position ?? after);
    await store.recordSync(terminal.id, now());
    return reply
      .type('application/json; charset=utf-8')
      .send(
        `{"events":[${page.map((row) => row.body).join(',')}],"cursor":"${cursor}","more":${rows.length > limit}}`,
      );
  });
}
