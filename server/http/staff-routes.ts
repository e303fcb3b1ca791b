/**
 * `GET /v1/staff` and `POST /v1/staff`: the calling terminal's store's staff list and its
 * audit (shared/sync/staff-protocol.ts). A push keeps, per record, the newer version and
 * each audit entry once, then answers the merged list, so one call both sends and
 * receives. A terminal sees and changes only its own store's list.
 */
import type { FastifyInstance } from 'fastify';
import { hlcWallMs, minutesBeyondDrift } from '../../shared/clock';
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
    for (const record of body.data.staff) {
      const minutes = minutesBeyondDrift(hlcWallMs(record.changedAt), nowMs);
      if (minutes === undefined) continue;
      return sendError(
        reply,
        400,
        'invalid_body',
        `The change of ${record.id} is ${minutes} minutes ahead of the server's clock: check the date and time of this terminal.`,
      );
    }
    // An audit entry dated ahead would stay at the top of every Staff screen: refused too.
    for (const entry of body.data.audit) {
      const minutes = minutesBeyondDrift(entry.atMs, nowMs);
      if (minutes === undefined) continue;
      return sendError(
        reply,
        400,
        'invalid_body',
        `The audit entry ${entry.id} is ${minutes} minutes ahead of the server's clock: check the date and time of this terminal.`,
      );
    }
    await store.saveStaff(terminal.tenant, terminal.store, body.data.staff, body.data.audit);
    await store.recordSync(terminal.id, nowMs);
    return reply.send(await store.staffOf(terminal.tenant, terminal.store));
  });
}
