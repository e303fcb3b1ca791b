/**
 * A member's profile: the personal data they gave (name, phone, email, birthday) and the
 * history of their marketing consent, kept beside the ledger, never inside a signed
 * event, so that it can be corrected and erased (docs/decisions/0008-member-profiles.md).
 *
 * Each field carries its own version (`changedAt`, a hybrid logical clock value), so two
 * terminals that correct different fields offline both keep their change. A value of
 * `null` is a field that was cleared. Consent is a history, not a value: every grant or
 * withdrawal is an entry with a UUIDv7 id, who recorded it, where and when. An erased
 * profile keeps only the member's id and when it was erased: no field, no entry.
 */
import { z } from 'zod';
import { UUID_V7_PATTERN } from '../ids';
import { hlcSchema, memberIdSchema, staffIdSchema, storeIdSchema } from '../ledger/event-types';
import { profileValueSchemas, type ProfileFieldName } from './profile-fields';

const versioned = <T extends z.ZodType>(value: T) =>
  z.strictObject({ value: value.nullable(), changedAt: hlcSchema });

export const profileFieldsSchema = z.strictObject({
  name: versioned(profileValueSchemas.name).optional(),
  phone: versioned(profileValueSchemas.phone).optional(),
  email: versioned(profileValueSchemas.email).optional(),
  birthday: versioned(profileValueSchemas.birthday).optional(),
});
export type ProfileFields = z.infer<typeof profileFieldsSchema>;

export const consentEntrySchema = z.strictObject({
  id: z.string().regex(UUID_V7_PATTERN, 'must be a UUIDv7'),
  marketing: z.boolean(),
  /** When it was recorded, on the clock of the terminal (or server) that recorded it. */
  at: hlcSchema,
  /** Where: the store whose terminal recorded it, or HQ. */
  via: z.enum(['terminal', 'hq']),
  store: storeIdSchema.optional(),
  /** Who: the member of staff signed in at the terminal. */
  staff: staffIdSchema.optional(),
});
export type ConsentEntry = z.infer<typeof consentEntrySchema>;

export const profileRecordSchema = z.strictObject({
  member: memberIdSchema,
  fields: profileFieldsSchema,
  // No cap: the merge keeps every entry of every replica, and a capped schema would refuse
  // the merged record it made. A push's size is bounded by its body limit.
  consents: z.array(consentEntrySchema),
  /** Set once the member's data was erased (GDPR Art. 17): the record holds nothing else. */
  erasedAt: hlcSchema.optional(),
});
export type ProfileRecord = z.infer<typeof profileRecordSchema>;

/** Whether the member gave marketing consent, by the latest entry of the history. */
export function hasMarketingConsent(record: ProfileRecord): boolean {
  return record.consents.at(-1)?.marketing ?? false;
}

/** A field's current value, or undefined when it was never given or was cleared. */
export function profileValue(record: ProfileRecord, field: ProfileFieldName): string | undefined {
  return record.fields[field]?.value ?? undefined;
}
