/**
 * `POST /v1/events`: a terminal pushes a batch of its own events. Each is checked on its
 * own (check-pushed-event.ts); the good ones are stored in one transaction, idempotently.
 * The answer says what became of each and the highest `seq` the server holds without a gap.
 */
import type { FastifyInstance } from 'fastify';
import { describeFieldErrors, fieldErrors } from '../../shared/ledger/envelope';
import {
  pushRequestSchema,
  type ErrorBody,
  type PushResponse,
  type Rejection,
} from '../../shared/sync/protocol';
import type { ServerStore } from '../store/server-store';
import { checkPushedEvent } from '../sync/check-pushed-event';
import type { PublicKeys } from '../sync/public-keys';
import { authenticate } from './authenticate';
import { sendError } from './error-replies';

const STORE_REFUSALS = {
  id_conflict: 'Another event with this id, and other content, is stored already.',
  seq_conflict: 'Another event of this terminal holds this seq already.',
} as const;

export function registerPushRoute(
  app: FastifyInstance,
  store: ServerStore,
  keys: PublicKeys,
  now: () => number,
): void {
  app.post('/v1/events', async (request, reply) => {
    const terminal = await authenticate(store, request, reply);
    if (!terminal) return reply;
    const body = pushRequestSchema.safeParse(request.body);
    if (!body.success) {
      return sendError(
        reply,
        400,
        'invalid_body',
        `Invalid push: ${describeFieldErrors(fieldErrors(body.error))}`,
      );
    }
    const publicKey = await keys.of(terminal);
    const nowMs = now();
    const checked = await Promise.all(
      body.data.events.map((raw, index) =>
        checkPushedEvent(raw, index, terminal, publicKey, nowMs),
      ),
    );
    const rejected: Rejection[] = [];
    const good = checked.flatMap((result, index) => {
      if (!result.ok) rejected.push(result.error);
      return result.ok ? [{ ...result.value, index }] : [];
    });
    const outcomes = await store.insertEvents(good.map((item) => item.record));
    const accepted: string[] = [];
    const duplicate: string[] = [];
    for (const [i, outcome] of outcomes.entries()) {
      const item = good[i];
      if (!item) continue;
      if (outcome === 'accepted') accepted.push(item.event.id);
      else if (outcome === 'duplicate') duplicate.push(item.event.id);
      else
        rejected.push({
          id: item.event.id,
          index: item.index,
          code: outcome,
          message: STORE_REFUSALS[outcome],
        });
    }
    await store.recordSync(terminal.id, nowMs);
    if (accepted.length === 0 && duplicate.length === 0) {
      // Not one event of the push can be stored: the client's mistake, so a 4xx, with
      // each event's reason. A push with some good events is a 200 that lists the bad.
      rejected.sort((a, b) => a.index - b.index);
      const first = rejected[0];
      return reply.code(422).send({
        error: {
          code: 'events_rejected',
          message: `None of the ${rejected.length} events can be stored. First: ${first?.message ?? ''}`,
          rejected,
        },
      } satisfies ErrorBody);
    }
    return {
      accepted,
      duplicate,
      rejected: rejected.sort((a, b) => a.index - b.index),
      highestSeq: await store.highestContiguousSeq(terminal.id),
    } satisfies PushResponse;
  });
}
