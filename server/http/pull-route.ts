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
import { pageAfterCursor } from './cursor-page';
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
    const answer = await pageAfterCursor(
      after,
      query.data.limit ?? DEFAULT_LIMIT,
      (from, limit) => store.eventsAfter(terminal.tenant, from, limit),
      () => store.newestPosition(terminal.tenant),
    );
    if (!answer.ok) {
      return sendError(
        reply,
        409,
        'cursor_ahead',
        `This terminal has read up to ${after}, but the server holds events only up to ${answer.newest}: the server's data was reset or restored from a backup. The terminal keeps its events; the server's newest data must be restored before it can sync.`,
      );
    }
    await store.recordSync(terminal.id, now());
    return reply
      .type('application/json; charset=utf-8')
      .send(
        `{"events":[${answer.page.map((row) => row.body).join(',')}],"cursor":"${answer.cursor}","more":${answer.more}}`,
      );
  });
}
