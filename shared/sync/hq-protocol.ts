/**
 * HQ's own calls, besides the reports (reports-protocol.ts): the login, the session and
 * the terminals, and the form of every HQ error. HQ signs in with a session cookie, not a
 * terminal's bearer token:
 *
 *   POST /v1/hq/login                     { username, password } → session, sets the cookie
 *   POST /v1/hq/logout                    ends the session
 *   GET  /v1/hq/session                   who is signed in (401 when no one)
 *   GET  /v1/hq/terminals                 terminals with store, last sync, revoked
 *   POST /v1/hq/terminals/:id/revoke      revokes one of the tenant's terminals
 *
 * Errors, of these calls and of the reports: `{ error: { code, message } }`.
 */
import { z } from 'zod';

export const HQ_ERROR_CODES = [
  'malformed_json',
  'invalid_body',
  'invalid_query',
  'unauthorized',
  'wrong_password',
  'too_many_attempts',
  'forbidden_origin',
  'not_found',
  'server_error',
] as const;
export type HqErrorCode = (typeof HQ_ERROR_CODES)[number];

export const hqErrorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});

export const loginRequestSchema = z.strictObject({
  username: z
    .string()
    .trim()
    .min(1, 'must name the administrator')
    .max(80, 'must be at most 80 characters'),
  password: z.string().min(1, 'must be the password').max(200, 'must be at most 200 characters'),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const sessionResponseSchema = z.strictObject({
  username: z.string(),
  tenant: z.string(),
  tenantName: z.string(),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

export const hqTerminalSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  store: z.string(),
  storeName: z.string(),
  enrolledMs: z.number(),
  /** The terminal's last push or pull; null when it never synced. */
  lastSyncMs: z.number().nullable(),
  revokedMs: z.number().nullable(),
});
export type HqTerminal = z.infer<typeof hqTerminalSchema>;

export const terminalsResponseSchema = z.strictObject({ terminals: z.array(hqTerminalSchema) });
export type TerminalsResponse = z.infer<typeof terminalsResponseSchema>;

export const revokeResponseSchema = z.strictObject({ terminal: hqTerminalSchema });
export type RevokeResponse = z.infer<typeof revokeResponseSchema>;
