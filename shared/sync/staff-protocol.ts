/**
 * The store's staff list on the wire (docs/architecture.md, The staff list: staff, PINs
 * and roles are terminal configuration kept by the server; changes to them are audited).
 * Not ledger events: a staff record is a register, last writer wins per record, and the
 * audit is an append-only set of entries with globally unique ids.
 *
 * `GET /v1/staff` answers the calling terminal's store's list and audit; `POST /v1/staff`
 * sends records changed on the terminal and new audit entries, and answers the merged
 * list. Only PIN hashes (PBKDF2) ever leave a terminal.
 *
 * Version: `changedAt` is a hybrid logical clock value (shared/clock.ts) made by the
 * terminal that changed the record, past both its own clock and the record's previous
 * version; the string sorts by time, then counter, then terminal id, so concurrent
 * changes of one person are ordered the same way everywhere. A removal is a change like
 * any other (`removedMs` set), never a delete.
 */
import { z } from 'zod';
import { HLC_PATTERN } from '../clock';
import { staffIdSchema } from '../ledger/event-types';
import { freeText } from '../ledger/free-text';
import { UUID_V7_PATTERN } from '../ids';

/** The most records and the most audit entries one push may carry (each). */
export const MAX_STAFF_PUSH = 500;

export const STAFF_ROLES = ['cashier', 'manager'] as const;
export const STAFF_CHANGES = ['added', 'removed', 'pin_reset', 'role_changed'] as const;

const base64url = (min: number, max: number) =>
  z
    .string()
    .min(min)
    .max(max)
    .regex(/^[A-Za-z0-9_-]+$/u, 'must be base64url');

const msSchema = z.int('must be milliseconds').min(0).max(8_640_000_000_000_000);

export const pinHashSchema = z.strictObject({
  algorithm: z.literal('PBKDF2-SHA256'),
  // The terminals hash with 600,000 rounds (renderer/terminal/pin.ts): a much weaker hash
  // pushed by one terminal would weaken a PIN on all, a much stronger one stall sign-in.
  iterations: z
    .int()
    .min(600_000, 'must be at least 600,000')
    .max(2_000_000, 'must be at most 2,000,000'),
  salt: base64url(16, 64),
  hash: base64url(32, 128),
});

export const changedAtSchema = z
  .string()
  .regex(HLC_PATTERN, 'must be a clock value (15 digits, "-", 5 digits, "-", a terminal id)');

export const staffRecordSchema = z.strictObject({
  id: staffIdSchema,
  name: freeText(60),
  role: z.enum(STAFF_ROLES),
  pin: pinHashSchema,
  createdMs: msSchema,
  removedMs: msSchema.optional(),
  changedAt: changedAtSchema,
});
export type StaffRecord = z.infer<typeof staffRecordSchema>;

export const staffAuditEntrySchema = z.strictObject({
  id: z.string().regex(UUID_V7_PATTERN, 'must be a UUIDv7'),
  atMs: msSchema,
  /** The manager who made the change. */
  by: staffIdSchema,
  /** The member of staff it concerns. */
  staff: staffIdSchema,
  change: z.enum(STAFF_CHANGES),
  /** With `added` and `role_changed`: the role they have now. */
  role: z.enum(STAFF_ROLES).optional(),
});
export type StaffAuditEntry = z.infer<typeof staffAuditEntrySchema>;

export const staffPushSchema = z.strictObject({
  staff: z
    .array(staffRecordSchema)
    .max(MAX_STAFF_PUSH, `must hold at most ${MAX_STAFF_PUSH} records`),
  audit: z
    .array(staffAuditEntrySchema)
    .max(MAX_STAFF_PUSH, `must hold at most ${MAX_STAFF_PUSH} entries`),
});
export type StaffPush = z.infer<typeof staffPushSchema>;

/** The store's whole list (removed staff included) and its whole audit, oldest first. */
export const staffListSchema = z.strictObject({
  staff: z.array(staffRecordSchema),
  audit: z.array(staffAuditEntrySchema),
});
export type StaffList = z.infer<typeof staffListSchema>;

/**
 * Whether version `a` is newer than `b` (plain code-unit order of the clock strings:
 * zero-padded digits, then the terminal id). Equal versions are not newer: the one held
 * first stays, on the server and, since a terminal takes the server's, everywhere.
 */
export const isNewerVersion = (a: string, b: string | undefined): boolean =>
  b === undefined || a > b;
