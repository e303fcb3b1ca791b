/**
 * Who is calling: the terminal whose bearer token this is. A missing or unknown token is
 * 401, a revoked terminal 403; either way nothing else of the request is looked at.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ServerStore, TerminalRow } from '../store/server-store';
import { hashSecret } from '../sync/secrets';
import { sendError } from './error-replies';

const BEARER = /^Bearer ([A-Za-z0-9_-]{20,128})$/u;

/** The calling terminal, or undefined after the error reply was sent. */
export async function authenticate(
  store: ServerStore,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<TerminalRow | undefined> {
  const token = BEARER.exec(request.headers.authorization ?? '')?.[1];
  const terminal =
    token === undefined ? undefined : await store.terminalByTokenHash(hashSecret(token));
  if (!terminal) {
    reply.header('www-authenticate', 'Bearer');
    sendError(
      reply,
      401,
      'unauthorized',
      'Send the token this terminal got at enrolment: Authorization: Bearer <token>.',
    );
    return undefined;
  }
  if (terminal.revokedMs !== undefined) {
    sendError(
      reply,
      403,
      'terminal_revoked',
      'This terminal was revoked on the server. Enrol it again with a new code.',
    );
    return undefined;
  }
  return terminal;
}
