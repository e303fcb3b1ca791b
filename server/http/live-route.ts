/**
 * `GET /v1/events/live`: server-sent events. On connect and whenever the tenant gets new
 * events (from this instance or, on PostgreSQL, any other), a `cursor` message with the
 * tenant's newest position; the terminal pulls when it is ahead of its own. A comment
 * line every 15 s keeps proxies from closing an idle stream. A revoked terminal's stream
 * ends at the next notification or heartbeat.
 */
import type { FastifyInstance } from 'fastify';
import type { ServerStore } from '../store/server-store';
import { authenticate } from './authenticate';

const HEARTBEAT_MS = 15_000;

export function registerLiveRoute(app: FastifyInstance, store: ServerStore): void {
  const open = new Set<() => void>();
  // Open streams never end by themselves: end them, or closing the server waits for ever.
  app.addHook('preClose', (done) => {
    for (const end of open) end();
    done();
  });

  app.get('/v1/events/live', async (request, reply) => {
    const terminal = await authenticate(store, request, reply);
    if (!terminal) return reply;
    reply.hijack();
    const raw = reply.raw;
    // Headers set by hooks (CORS for the desktop terminal): hijacking would drop them.
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (value !== undefined) raw.setHeader(name, value);
    }
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    // A terminal revoked while its stream is open loses the stream at the next message.
    const stillAllowed = async () => {
      const current = await store.terminal(terminal.id);
      return current !== undefined && current.revokedMs === undefined;
    };
    const sendCursor = async () => {
      if (!(await stillAllowed())) {
        end();
        return;
      }
      const cursor = await store.newestPosition(terminal.tenant);
      if (!raw.writableEnded)
        raw.write(`event: cursor\ndata: ${JSON.stringify({ cursor: String(cursor) })}\n\n`);
    };
    const stopListening = store.onEventsStored((tenant) => {
      if (tenant === terminal.tenant) void sendCursor().catch(() => undefined);
    });
    const heartbeat = setInterval(() => {
      void stillAllowed()
        .then((allowed) => {
          if (!allowed) end();
          else if (!raw.writableEnded) raw.write(': keep-alive\n\n');
        })
        .catch(() => undefined);
    }, HEARTBEAT_MS);
    function end() {
      stopListening();
      clearInterval(heartbeat);
      open.delete(end);
      if (!raw.writableEnded) raw.end();
    }
    open.add(end);
    raw.on('close', end);
    await sendCursor();
    return reply;
  });
}
