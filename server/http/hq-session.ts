/**
 * What every HQ route checks first: a live session (the cookie's id, hashed, found in
 * the store and not expired) gives the admin and with it the one tenant whose data the
 * route may show. A state-changing call from another origin is refused besides
 * SameSite=Strict. Errors in the protocol's form, `{ error: { code, message } }`.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { describeFieldErrors, fieldErrors } from '../../shared/ledger/envelope';
import type { HqErrorCode } from '../../shared/sync/hq-protocol';
import { sessionIdOf } from '../hq/sessions';
import type { AdminRow, ServerStore } from '../store/server-store';
import { hashSecret } from '../sync/secrets';

export function sendHqError(
  reply: FastifyReply,
  status: number,
  code: HqErrorCode,
  message: string,
): FastifyReply {
  return reply.code(status).send({ error: { code, message } });
}

/** The signed-in admin, or undefined after a 401 was sent. */
export async function requireAdmin(
  store: ServerStore,
  request: FastifyRequest,
  reply: FastifyReply,
  nowMs: number,
): Promise<AdminRow | undefined> {
  const id = sessionIdOf(request.headers.cookie);
  const admin = id === undefined ? undefined : await store.adminBySession(hashSecret(id), nowMs);
  if (!admin) {
    sendHqError(
      reply,
      401,
      'unauthorized',
      'Sign in to HQ first: there is no session, or it has ended.',
    );
    return undefined;
  }
  return admin;
}

/**
 * False (after a 403) when a browser says the call comes from a page of another origin:
 * such a page must not sign in, sign out or revoke on the owner's behalf.
 */
export function sameOrigin(request: FastifyRequest, reply: FastifyReply): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  let host: string | undefined;
  try {
    host = new URL(origin).host;
  } catch {
    host = undefined; // "null" or garbage: not this server's pages
  }
  // request.host is the Host header, or behind a trusted proxy (TREU_TRUST_PROXY) the
  // X-Forwarded-Host the browser's address came in with.
  if (host !== undefined && host === request.host) return true;
  sendHqError(reply, 403, 'forbidden_origin', 'HQ takes this call only from its own pages.');
  return false;
}

/** The parsed input, or undefined after a 400 that names each wrong field. */
export function parseInput<T extends z.ZodType>(
  schema: T,
  input: unknown,
  reply: FastifyReply,
  what: 'body' | 'query',
): z.infer<T> | undefined {
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  sendHqError(
    reply,
    400,
    what === 'body' ? 'invalid_body' : 'invalid_query',
    `Invalid ${what}: ${describeFieldErrors(fieldErrors(parsed.error))}`,
  );
  return undefined;
}
