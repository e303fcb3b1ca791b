/**
 * Sync protocol v1 (docs/architecture.md, Protocol v1): the bodies the terminal and the
 * server exchange, as zod schemas both sides validate with. Events inside a push are
 * checked one by one (parseEvent), so one bad event is rejected with its reason while the
 * others of the batch land.
 */
import { z } from 'zod';
import { ledgerEventSchema } from '../ledger/envelope';
import type { ProjectionSnapshot } from '../projection/snapshot';
import { storeIdSchema, tenantIdSchema, terminalIdSchema } from '../ledger/event-types';

/** The most events one push may carry. */
export const MAX_PUSH_EVENTS = 1_000;
/** The most events one pull answers with. */
export const MAX_PULL_EVENTS = 1_000;

/** An Ed25519 public key: 32 bytes as unpadded base64url. */
const publicKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/, 'must be an Ed25519 public key (base64url)');

export const enrolmentRequestSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .min(6, 'must be the enrolment code a manager made')
    .max(64, 'must be the enrolment code a manager made'),
  name: z.string().trim().min(1, 'must name the terminal').max(80, 'must be at most 80 characters'),
  publicKey: publicKeySchema,
});
export type EnrolmentRequest = z.infer<typeof enrolmentRequestSchema>;

export const enrolmentResponseSchema = z.strictObject({
  tenant: tenantIdSchema,
  store: storeIdSchema,
  storeName: z.string(),
  terminal: terminalIdSchema,
  token: z.string().min(32),
  serverTime: z.int(),
});
export type EnrolmentResponse = z.infer<typeof enrolmentResponseSchema>;

/**
 * A push: the events are read as unknown values here and parsed one by one, so that a
 * malformed event is rejected alone.
 */
export const pushRequestSchema = z.strictObject({
  events: z
    .array(z.unknown())
    .min(1, 'must hold at least one event')
    .max(MAX_PUSH_EVENTS, `must hold at most ${MAX_PUSH_EVENTS} events`),
});

export const REJECTION_CODES = [
  'invalid_event',
  'bad_signature',
  'wrong_tenant',
  'wrong_store',
  'wrong_terminal',
  'clock_ahead',
  'id_conflict',
  'seq_conflict',
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

export const rejectionSchema = z.strictObject({
  /** The event's id when it had one that could be read. */
  id: z.string().optional(),
  /** The event's place in the pushed batch. */
  index: z.int().min(0),
  code: z.enum(REJECTION_CODES),
  message: z.string(),
});
export type Rejection = z.infer<typeof rejectionSchema>;

export const pushResponseSchema = z.strictObject({
  accepted: z.array(z.string()),
  duplicate: z.array(z.string()),
  rejected: z.array(rejectionSchema),
  /** The terminal's highest `seq` up to which the server holds every event. */
  highestSeq: z.int().min(0),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

export const pullQuerySchema = z.strictObject({
  after: z
    .string()
    .regex(/^[0-9]{1,15}$/, 'must be a cursor this server gave')
    .optional(),
  limit: z.coerce
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(MAX_PULL_EVENTS, `must be at most ${MAX_PULL_EVENTS}`)
    .optional(),
});

export const pullResponseSchema = z.strictObject({
  events: z.array(ledgerEventSchema),
  /** Where the next pull goes on from; opaque to the terminal. */
  cursor: z.string(),
  more: z.boolean(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

export const ERROR_CODES = [
  'malformed_json',
  'invalid_body',
  'invalid_query',
  'cursor_ahead',
  'body_too_large',
  'unsupported_media_type',
  'unauthorized',
  'terminal_revoked',
  'unknown_code',
  'code_used',
  'code_expired',
  'not_found',
  'method_not_allowed',
  'events_rejected',
  'server_error',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const errorBodySchema = z.strictObject({
  error: z.strictObject({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    /** With `events_rejected`: why each event of the push was refused. */
    rejected: z.array(rejectionSchema).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/**
 * `GET /v1/snapshot`: the tenant's projection (shared/projection/snapshot.ts) as of a
 * cursor, for bootstrapping a large tenant: members, cards, balances, redemptions and
 * programs. Pulling on from `cursor` brings what came after it.
 */
export const snapshotResponseSchema = z.strictObject({
  cursor: z.string(),
  events: z.int().min(0),
  snapshot: z.strictObject({
    members: z.array(z.looseObject({ id: z.string() })).readonly(),
    cards: z.array(z.looseObject({ id: z.string(), member: z.string() })).readonly(),
    balances: z
      .array(z.looseObject({ member: z.string(), program: z.string(), balance: z.number() }))
      .readonly(),
    redemptions: z.array(z.looseObject({ id: z.string(), overdraft: z.boolean() })).readonly(),
    programs: z.array(z.looseObject({ id: z.string() })).readonly(),
  }),
});
/** What the server sends; the schema checks the shape a terminal relies on when it reads one. */
export interface SnapshotResponse {
  readonly cursor: string;
  readonly events: number;
  readonly snapshot: ProjectionSnapshot;
}
