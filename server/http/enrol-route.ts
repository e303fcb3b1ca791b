/** `POST /v1/terminals`: a terminal enrols with a one-time code and its public key. */
import type { FastifyInstance } from 'fastify';
import { newId } from '../../shared/ids';
import { describeFieldErrors, fieldErrors } from '../../shared/ledger/envelope';
import { importPublicKey } from '../../shared/ledger/signing';
import { enrolmentRequestSchema, type EnrolmentResponse } from '../../shared/sync/protocol';
import type { ServerStore } from '../store/server-store';
import { hashSecret, newToken, normaliseCode } from '../sync/secrets';
import { sendError } from './error-replies';

const REFUSALS = {
  unknown_code: [
    400,
    'There is no such enrolment code. Check it, or ask the manager for a new one.',
  ],
  code_used: [409, 'This enrolment code was used already. Ask the manager for a new one.'],
  code_expired: [410, 'This enrolment code has expired. Ask the manager for a new one.'],
} as const;

export function registerEnrolRoute(
  app: FastifyInstance,
  store: ServerStore,
  now: () => number,
): void {
  app.post('/v1/terminals', async (request, reply) => {
    const body = enrolmentRequestSchema.safeParse(request.body);
    if (!body.success) {
      return sendError(
        reply,
        400,
        'invalid_body',
        `Invalid enrolment: ${describeFieldErrors(fieldErrors(body.error))}`,
      );
    }
    if (!(await importPublicKey(body.data.publicKey))) {
      return sendError(
        reply,
        400,
        'invalid_body',
        'Invalid enrolment: publicKey: is not an Ed25519 public key',
      );
    }
    const token = newToken();
    const enrolled = await store.enrolTerminal(hashSecret(normaliseCode(body.data.code)), {
      id: newId('terminal'),
      name: body.data.name,
      publicKey: body.data.publicKey,
      tokenHash: hashSecret(token),
      enrolledMs: now(),
    });
    if (!enrolled.ok) {
      const [status, message] = REFUSALS[enrolled.error];
      return sendError(reply, status, enrolled.error, message);
    }
    const terminal = enrolled.value;
    const shop = await store.store(terminal.store);
    return reply.code(201).send({
      tenant: terminal.tenant,
      store: terminal.store,
      storeName: shop?.name ?? '',
      terminal: terminal.id,
      token,
      serverTime: now(),
    } satisfies EnrolmentResponse);
  });
}
