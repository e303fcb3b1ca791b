/**
 * HQ's login, logout and session: `POST /v1/hq/login`, `POST /v1/hq/logout`,
 * `GET /v1/hq/session` (shared/sync/hq-protocol.ts). Wrong passwords are counted per
 * user name before the password is checked, and past a limit refused for a while
 * (server/hq/login-throttle.ts).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { loginRequestSchema, type SessionResponse } from '../../shared/sync/hq-protocol';
import { normaliseUsername } from '../hq/admin-accounts';
import { ATTEMPT_WINDOW_MS, refusedForMs, triesLeft } from '../hq/login-throttle';
import { UNKNOWN_USER_HASH, verifyPassword } from '../hq/passwords';
import { sessionCookie, sessionIdOf, startSession } from '../hq/sessions';
import type { AdminRow, ServerStore } from '../store/server-store';
import { hashSecret } from '../sync/secrets';
import { parseInput, requireAdmin, sameOrigin, sendHqError } from './hq-session';

const minutes = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));

async function sessionResponse(store: ServerStore, admin: AdminRow): Promise<SessionResponse> {
  const tenant = (await store.tenants()).find((t) => t.id === admin.tenant);
  return {
    username: admin.username,
    tenant: admin.tenant,
    tenantName: tenant?.name ?? admin.tenant,
  };
}

const isSecure = (request: FastifyRequest) => request.protocol === 'https';

export function registerHqAuthRoutes(
  app: FastifyInstance,
  store: ServerStore,
  now: () => number,
): void {
  app.post('/v1/hq/login', async (request, reply) => {
    if (!sameOrigin(request, reply)) return reply;
    const body = parseInput(loginRequestSchema, request.body, reply, 'body');
    if (!body) return reply;
    const username = normaliseUsername(body.username);
    const nowMs = now();
    // Counted before the (slow) check: parallel guesses each see their own count.
    const attempts = await store.countLoginAttempt(username, nowMs, ATTEMPT_WINDOW_MS);
    const refused = refusedForMs(attempts, nowMs);
    if (refused > 0) {
      reply.header('retry-after', String(Math.ceil(refused / 1000)));
      return sendHqError(
        reply,
        429,
        'too_many_attempts',
        `Too many wrong passwords for ${username}. Try again in ${minutes(refused)} minutes.`,
      );
    }
    const admin = await store.adminByUsername(username);
    // An unknown name costs the same scrypt as a known one.
    const matches = await verifyPassword(body.password, admin?.passwordHash ?? UNKNOWN_USER_HASH);
    if (!admin || !matches) {
      const left = triesLeft(attempts);
      const window = minutes(ATTEMPT_WINDOW_MS);
      return sendHqError(
        reply,
        401,
        'wrong_password',
        left > 0
          ? `The user name or the password is wrong. ${left} ${left === 1 ? 'try' : 'tries'} left before logins for this name pause for up to ${window} minutes.`
          : `The user name or the password is wrong. Logins for this name pause for up to ${window} minutes.`,
      );
    }
    await store.clearLoginAttempts(username);
    const session = await startSession(store, admin, nowMs);
    reply.header('set-cookie', sessionCookie(session, isSecure(request)));
    return sessionResponse(store, admin);
  });

  app.post('/v1/hq/logout', async (request, reply) => {
    if (!sameOrigin(request, reply)) return reply;
    const id = sessionIdOf(request.headers.cookie);
    if (id !== undefined) await store.deleteAdminSession(hashSecret(id));
    reply.header('set-cookie', sessionCookie(undefined, isSecure(request)));
    return reply.code(204).send();
  });

  app.get('/v1/hq/session', async (request, reply) => {
    const admin = await requireAdmin(store, request, reply, now());
    if (!admin) return reply;
    return sessionResponse(store, admin);
  });
}
