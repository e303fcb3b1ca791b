/**
 * HQ's sessions: a random id in an HttpOnly, SameSite=Strict cookie; the server keeps
 * only its SHA-256 and an expiry, in the store (any server instance can check it).
 */
import { randomBytes } from 'node:crypto';
import type { AdminRow, ServerStore } from '../store/server-store';
import { hashSecret } from '../sync/secrets';

const SESSION_COOKIE = 'treu_hq';
/** A working day and then some: an owner signs in again the next morning. */
const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export interface NewSession {
  /** The cookie's value: shown to the browser once, never stored. */
  readonly id: string;
  readonly expiresMs: number;
}

export async function startSession(
  store: ServerStore,
  admin: AdminRow,
  nowMs: number,
): Promise<NewSession> {
  const id = randomBytes(32).toString('base64url');
  const expiresMs = nowMs + SESSION_TTL_MS;
  await store.createAdminSession({
    idHash: hashSecret(id),
    admin: admin.id,
    createdMs: nowMs,
    expiresMs,
  });
  return { id, expiresMs };
}

/** The session id in a Cookie header, if it holds one of the right shape. */
export function sessionIdOf(cookieHeader: string | undefined): string | undefined {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name !== SESSION_COOKIE) continue;
    const id = value.join('=');
    if (/^[A-Za-z0-9_-]{43}$/u.test(id)) return id;
  }
  return undefined;
}

/** The Set-Cookie header for a session (or, with `undefined`, one that clears it). */
export function sessionCookie(session: NewSession | undefined, secure: boolean): string {
  const attributes = ['Path=/', 'HttpOnly', 'SameSite=Strict', ...(secure ? ['Secure'] : [])];
  if (!session) return [`${SESSION_COOKIE}=`, 'Max-Age=0', ...attributes].join('; ');
  const maxAge = Math.floor(SESSION_TTL_MS / 1000);
  return [`${SESSION_COOKIE}=${session.id}`, `Max-Age=${maxAge}`, ...attributes].join('; ');
}
