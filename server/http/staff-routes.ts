/**
 * `GET /v1/staff` and `POST /v1/staff`: the calling terminal's store's staff list and its
 * audit (shared/sync/staff-protocol.ts). A push keeps, per record, the newer version and
 * each audit entry once, then answers the merged list, so one call both sends and
 * receives. A terminal sees and changes only its own store's list.
 */
import type { FastifyInstance } from 'fastify';
import { MAX_DRIFT_MS, hlcWallMs } from '../../shared/clock';
import { describeFieldErrors, fieldErrors } from '../../shared/ledger/envelope';
import { staffPushSchema, type StaffList } from '../../shared/sync/staff-protocol';
import type { ServerStore } from '../store/server-store';
import { authenticate } from './authenticate';
import { sendError } from './error-replies';

export function registerStaffRoutes(
  app: FastifyInstance,
  store: ServerStore,
  now: () => number,
): void {
  app.get('/v1/staff', async (request, reply) => {
    const terminal = await authenticate(store, request, reply);
    if (!terminal) return reply;
    const list: StaffList = await store.staffOf(terminal.tenant, terminal.store);
    return reply.send(list);
  });

  app.post('/v1/staff', async (request, reply) => {
    const terminal = await authenticate(store, request, reply);
    if (!terminal) return reply;
    const body = staffPushSchema.safeParse(request.body);
    if (!body.success) {
      return sendError(
        reply,
        400,
        'invalid_body',
        `Invalid staff list: ${describeFieldErrors(fieldErrors(body.error))}`,
      );
    }
    const nowMs = now();
    // A version from a clock far ahead would win over every later change of that person
    // until the real time caught up: refused, as events from such a clock are.
    const ahead = body.data.staff.find((r) => hlcWallMs(r.changedAt) - nowMs > MAX_DRIFT_MS);
    if (ahead) {
      const minutes = Math.round((hlcWallMs(ahead.changedAt) - nowMs) / 60_000);
      return sendError(
        reply,
        400,
        'invalid_body',
        `The change of ${ahead.id} is ${minutes} minutes ahead of the server's clock: check the date and time of this terminal.`,
      );
    }
    // An audit entry dated ahead would stay at the top of every Staff screen: refused too.
    const early = body.data.audit.find((entry) => entry.atMs - nowMs > MAX_DRIFT_MS);
    if (early) {
      const minutes = Math.round((early.atMs - nowMs) / 60_000);
      return sendError(
        reply,
        400,
        'invalid_body',
        `The audit entry ${early.id} is ${minutes} minutes ahead of the server's clock: check the date and time of this terminal.`,
      );
    }
    await store.saveStaff(terminal.tenant, terminal.store, body.data.staff, body.data.audit);
    await store.recordSync(terminal.id, nowMs);
    return reply.send(await store.staffOf(terminal.tenant, terminal.store));
  });
}
