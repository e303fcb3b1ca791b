/**
 * A stamp program is data, not code (docs/architecture.md, Programs and rules). This
 * schema is the `rules` of a `program.published` event. No field has a default inside the
 * schema: a signed event must parse to exactly what was signed, so defaults live in the
 * rule engine (`programDefaults` below).
 */
import { z } from 'zod';
import { idPattern } from '../ids';
import { freeText } from '../ledger/free-text';
import { isKnownTimeZone } from './local-time';

const count = (max: number) => z.int().min(1).max(max);

export const rewardIdSchema = z.string().regex(idPattern('reward'), 'must be a reward id (rwd_…)');

export const rewardSchema = z.strictObject({
  id: rewardIdSchema,
  name: freeText(80),
  cost: count(10_000),
  kind: z.enum(['free_item', 'discount']),
  /** For `discount`: the amount off, in cents. */
  discountCents: z.int().min(1).max(1_000_000).optional(),
});

const earnSchema = z.discriminatedUnion('per', [
  /** `stamps` for every visit, however much is bought. */
  z.strictObject({ per: z.literal('visit'), stamps: count(100) }),
  /** `stamps` for every qualifying item bought. */
  z.strictObject({ per: z.literal('item'), stamps: count(100) }),
  /** `stamps` for every full `amountCents` spent. */
  z.strictObject({
    per: z.literal('amount'),
    stamps: count(100),
    amountCents: z.int().min(1).max(1_000_000),
  }),
]);

const hourSchema = z.int().min(0).max(24);

export const campaignSchema = z
  .strictObject({
    name: freeText(80),
    /** Stamps earned in the window are multiplied by this and rounded down. */
    multiplier: z.number().min(1).max(10),
    /** ISO date-times bounding the campaign; open on a side when absent. */
    startsAt: z.iso.datetime({ offset: true }).optional(),
    endsAt: z.iso.datetime({ offset: true }).optional(),
    /** Local hours [fromHour, toHour) of each day, in the program's time zone. */
    fromHour: hourSchema.optional(),
    toHour: hourSchema.optional(),
    /** ISO weekdays, 1 = Monday … 7 = Sunday; every day when absent. */
    weekdays: z.array(z.int().min(1).max(7)).min(1).max(7).optional(),
  })
  .refine((c) => (c.fromHour === undefined) === (c.toHour === undefined), {
    message: 'fromHour and toHour go together',
  })
  .refine((c) => c.fromHour === undefined || c.toHour === undefined || c.fromHour < c.toHour, {
    message: 'fromHour must be before toHour',
  });

export const tierSchema = z.strictObject({
  name: freeText(40),
  /** Stamps earned within the tier window needed to hold this tier. */
  minStamps: count(1_000_000),
});

export const programRulesSchema = z
  .strictObject({
    /** IANA time zone of the store: days, hours and birthdays are local to it. */
    timeZone: z
      .string()
      .min(1)
      .max(64)
      .refine(isKnownTimeZone, 'is not a known IANA time zone')
      .optional(),
    earn: earnSchema,
    caps: z
      .strictObject({ perTransaction: count(1_000).optional(), perDay: count(10_000).optional() })
      .optional(),
    rewards: z.array(rewardSchema).min(1).max(20),
    expiry: z
      .strictObject({
        /** Stamps lapse after this many days without a visit. */
        inactivityDays: count(3_650).optional(),
        /** The program ends on this date (local): stamps lapse and no more are given. */
        endsOn: z.iso.date().optional(),
      })
      .optional(),
    bonuses: z
      .strictObject({
        welcome: count(100).optional(),
        /** Once a year, with the first stamp within 30 days after the member's birthday. */
        birthday: count(100).optional(),
        referral: z
          .strictObject({ referrer: z.int().min(0).max(100), referee: z.int().min(0).max(100) })
          .optional(),
      })
      .optional(),
    campaigns: z.array(campaignSchema).max(20).optional(),
    tiers: z
      .strictObject({
        windowDays: count(3_650).optional(),
        levels: z.array(tierSchema).min(1).max(10),
      })
      .optional(),
    /** The same card is not stamped twice within this many seconds. */
    cooldownSeconds: z.int().min(0).max(86_400).optional(),
    /** A cashier may undo their own action within this many seconds. */
    undoWindowSeconds: z.int().min(0).max(86_400).optional(),
    offline: z
      .strictObject({
        /** Redemptions per member per day while the terminal is offline. */
        redemptionsPerDay: z.int().min(0).max(100).optional(),
        /** A reward costing more than this needs the network. */
        maxRedeemCostOffline: z.int().min(0).max(10_000).optional(),
      })
      .optional(),
  })
  .refine((rules) => new Set(rules.rewards.map((r) => r.id)).size === rules.rewards.length, {
    message: 'reward ids must be unique',
    path: ['rewards'],
  });

export type ProgramRules = z.infer<typeof programRulesSchema>;
export type Reward = z.infer<typeof rewardSchema>;
export type Campaign = z.infer<typeof campaignSchema>;

export const programDefaults = {
  timeZone: 'Europe/Berlin',
  tierWindowDays: 365,
  cooldownSeconds: 0,
  undoWindowSeconds: 120,
} as const;

/** The default program of a new store: 10 coffees, the 11th is free. */
export const coffeeCardRules = {
  earn: { per: 'item', stamps: 1 },
  rewards: [{ id: 'rwd_free-coffee', name: 'Free coffee', cost: 10, kind: 'free_item' }],
  cooldownSeconds: 30,
  undoWindowSeconds: 120,
  offline: { redemptionsPerDay: 1 },
} satisfies ProgramRules;
