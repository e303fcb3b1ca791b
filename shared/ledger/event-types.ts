/**
 * The `data` of every v1 event type (docs/architecture.md, Event types). Objects are
 * strict: an unknown field is an error, never silently dropped, because the signature
 * covers the event exactly as it was sent.
 */
import { z } from 'zod';
import { freeText } from './free-text';
import { idPattern, UUID_V7_PATTERN } from '../ids';
import { HLC_PATTERN } from '../clock';
import { programRulesSchema, rewardIdSchema } from '../rules/program-schema';
import { profileValueSchemas } from '../profiles/profile-fields';

const id = (kind: Parameters<typeof idPattern>[0], label: string) =>
  z
    .string()
    .regex(
      idPattern(kind),
      `must be a ${label} id (${kind === 'terminal' ? 'term' : kind.slice(0, 3)}_…)`,
    );

export const memberIdSchema = id('member', 'member');
export const programIdSchema = id('program', 'program');
export const cardIdSchema = z.string().regex(idPattern('card'), 'must be a card id (crd_…)');
export const storeIdSchema = id('store', 'store');
export const terminalIdSchema = z
  .string()
  .regex(idPattern('terminal'), 'must be a terminal id (term_…)');
export const staffIdSchema = z.string().regex(idPattern('staff'), 'must be a staff id (stf_…)');
export const tenantIdSchema = z.string().regex(idPattern('tenant'), 'must be a tenant id (ten_…)');
export const eventIdSchema = z.string().regex(UUID_V7_PATTERN, 'must be a UUIDv7');
export const hlcSchema = z
  .string()
  .regex(HLC_PATTERN, 'must be a clock value like 001732280000000-00000-term_4f2a');

const personalFields = {
  name: profileValueSchemas.name.optional(),
  phone: profileValueSchemas.phone.optional(),
  email: profileValueSchemas.email.optional(),
  birthday: profileValueSchemas.birthday.optional(),
};

const consentSchema = z.strictObject({ marketing: z.boolean() });

export const memberEnrolledData = z.strictObject({
  member: memberIdSchema,
  ...personalFields,
  consent: consentSchema,
  referredBy: memberIdSchema.optional(),
});

export const memberUpdatedData = z
  .strictObject({ member: memberIdSchema, ...personalFields, consent: consentSchema.optional() })
  .refine((d) => Object.keys(d).length > 1, 'must change at least one field');

export const memberErasedData = z.strictObject({ member: memberIdSchema });

export const memberMergedData = z
  .strictObject({ from: memberIdSchema, into: memberIdSchema })
  .refine((d) => d.from !== d.into, {
    message: 'a member cannot be merged into itself',
    path: ['into'],
  });

export const cardLinkedData = z.strictObject({
  member: memberIdSchema,
  card: cardIdSchema,
  kind: z.enum(['qr', 'nfc', 'barcode']),
});

export const cardBlockedData = z.strictObject({
  card: cardIdSchema,
  reason: z.enum(['lost', 'stolen', 'damaged', 'other']),
});

export const programPublishedData = z.strictObject({
  program: programIdSchema,
  version: z.int().min(1),
  name: freeText(80),
  rules: programRulesSchema,
});

export const STAMP_REASONS = [
  'purchase',
  'welcome',
  'birthday',
  'referral',
  'campaign',
  'adjustment',
] as const;

export const stampsEarnedData = z
  .strictObject({
    member: memberIdSchema,
    program: programIdSchema,
    count: z
      .int()
      .min(-10_000)
      .max(10_000)
      .refine((n) => n !== 0, 'must not be 0'),
    reason: z.enum(STAMP_REASONS),
    /** The card that was scanned, when one was: cooldowns are per card. */
    card: cardIdSchema.optional(),
    /** A free reference: a receipt number, or the member whose referral this rewards. */
    ref: z.string().min(1).max(120).optional(),
  })
  .refine((d) => d.count > 0 || d.reason === 'adjustment', {
    message: 'only an adjustment may remove stamps',
    path: ['count'],
  });

export const rewardRedeemedData = z.strictObject({
  member: memberIdSchema,
  program: programIdSchema,
  reward: rewardIdSchema,
  cost: z.int().min(1).max(10_000),
  card: cardIdSchema.optional(),
});

export const eventVoidedData = z.strictObject({
  target: eventIdSchema,
  reason: z.enum(['cashier_undo', 'manager_correction']),
});

export const feedbackGivenData = z.strictObject({
  member: memberIdSchema.optional(),
  rating: z.int().min(1).max(5),
  comment: freeText(500).optional(),
});

const tally = z.int().min(0);

export const dayClosedData = z.strictObject({
  store: storeIdSchema,
  terminal: terminalIdSchema,
  from: hlcSchema,
  to: hlcSchema,
  totals: z.strictObject({
    events: tally,
    stamps: tally,
    redemptions: tally,
    enrolments: tally,
    voids: tally,
    feedback: tally,
  }),
});

/** Every v1 event type with the schema of its data. */
export const eventDataSchemas = {
  'member.enrolled': memberEnrolledData,
  'member.updated': memberUpdatedData,
  'member.erased': memberErasedData,
  'member.merged': memberMergedData,
  'card.linked': cardLinkedData,
  'card.blocked': cardBlockedData,
  'program.published': programPublishedData,
  'stamps.earned': stampsEarnedData,
  'reward.redeemed': rewardRedeemedData,
  'event.voided': eventVoidedData,
  'feedback.given': feedbackGivenData,
  'day.closed': dayClosedData,
} as const;

export type EventType = keyof typeof eventDataSchemas;
export const EVENT_TYPES = Object.keys(eventDataSchemas) as EventType[];

export type EventData<T extends EventType> = z.infer<(typeof eventDataSchemas)[T]>;

/** Only stamps and redemptions can be voided: a void of anything else changes nothing. */
export const isVoidable = (event: { readonly type: EventType }): boolean =>
  event.type === 'stamps.earned' || event.type === 'reward.redeemed';
