/**
 * Member profiles on the wire (docs/decisions/0008-member-profiles.md): a tenant's
 * profile records, beside the ledger. `POST /v1/profiles` sends records changed on a
 * terminal; the server merges each with the one it holds (shared/profiles/
 * merge-profiles.ts). `GET /v1/profiles?after=CURSOR` answers the records changed since
 * the cursor, erased ones as their tombstone, so a terminal that was offline learns of an
 * erasure and a terminal enrolled later never receives the erased data. Its query is the
 * event pull's (`pullQuerySchema`, protocol.ts).
 */
import { z } from 'zod';
import { profileRecordSchema } from '../profiles/profile-record';

/** The most records one push may carry. */
export const MAX_PROFILE_PUSH = 500;

export const profilePushSchema = z.strictObject({
  profiles: z
    .array(profileRecordSchema)
    .max(MAX_PROFILE_PUSH, `must hold at most ${MAX_PROFILE_PUSH} records`),
});
export type ProfilePush = z.infer<typeof profilePushSchema>;

export const profilePushResponseSchema = z.strictObject({
  /** How many of the records changed what the server held. */
  changed: z.int().min(0),
});
export type ProfilePushResponse = z.infer<typeof profilePushResponseSchema>;

export const profilePageSchema = z.strictObject({
  profiles: z.array(profileRecordSchema),
  /** Where the next pull goes on from; opaque to the terminal. */
  cursor: z.string(),
  more: z.boolean(),
});
export type ProfilePage = z.infer<typeof profilePageSchema>;
