/**
 * The program editor's form: every field of the program schema as the text a manager
 * types (so a half-typed "2," is kept as typed), turned into a candidate `rules` object
 * for programRulesSchema to judge. An empty field leaves the rule out (its default
 * applies); a field that is not a number goes through as NaN, so the schema's own
 * check words the problem (validation-words.ts). Money is entered in euros, kept in cents.
 */
import { newId } from '../../../shared/ids';
import { programDefaults, type ProgramRules } from '../../../shared/rules/program-schema';
import { isKnownTimeZone } from '../../../shared/rules/local-time';
import { instantOfLocal, isoWithOffset, localOfInstant } from './zoned-time';

export type EarnPer = ProgramRules['earn']['per'];
export type RewardKind = ProgramRules['rewards'][number]['kind'];

export interface RewardForm {
  readonly id: string;
  readonly name: string;
  readonly cost: string;
  readonly kind: RewardKind;
  /** Euros off, for a discount. */
  readonly discount: string;
}

export interface CampaignForm {
  /** A key for React's list; not part of the rules. */
  readonly key: string;
  readonly name: string;
  readonly multiplier: string;
  /** `YYYY-MM-DDTHH:mm` in the store's time zone. */
  readonly startsAt: string;
  readonly endsAt: string;
  readonly fromHour: string;
  readonly toHour: string;
  /** ISO weekdays ticked; none ticked means every day. */
  readonly weekdays: readonly number[];
  /** The published values, kept when the instant is unchanged (another offset spelling). */
  readonly published?: { readonly startsAt?: string; readonly endsAt?: string };
}

export interface TierForm {
  readonly key: string;
  readonly name: string;
  readonly minStamps: string;
}

export interface ProgramForm {
  readonly name: string;
  readonly timeZone: string;
  readonly earnPer: EarnPer;
  readonly earnStamps: string;
  /** Euros per stamp unit, for `amount`. */
  readonly earnAmount: string;
  readonly capPerTransaction: string;
  readonly capPerDay: string;
  readonly rewards: readonly RewardForm[];
  readonly inactivityDays: string;
  readonly endsOn: string;
  readonly welcome: string;
  readonly birthday: string;
  readonly referrer: string;
  readonly referee: string;
  readonly campaigns: readonly CampaignForm[];
  readonly tierWindowDays: string;
  readonly tiers: readonly TierForm[];
  readonly cooldownSeconds: string;
  readonly undoWindowSeconds: string;
  readonly offlineRedemptionsPerDay: string;
  readonly maxRedeemCostOffline: string;
}

const text = (n: number | undefined) => (n === undefined ? '' : String(n));
const euros = (cents: number | undefined) => (cents === undefined ? '' : (cents / 100).toFixed(2));

/** The number typed, undefined when empty, NaN when it is not a number. */
export function parseNumber(typed: string): number | undefined {
  const trimmed = typed.trim().replace(',', '.');
  if (trimmed === '') return undefined;
  return /^[+-]?(\d+\.?\d*|\.\d+)$/u.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** Cents of the euros typed: undefined when empty, NaN when not an amount. */
export function parseCents(typed: string): number | undefined {
  const value = parseNumber(typed);
  return value === undefined || Number.isNaN(value) ? value : Math.round(value * 100);
}

const key = () => newId('reward').slice(4, 14);

/** The zone the form's times are in: the default while the one typed is not (yet) known. */
export function zoneOf(form: Pick<ProgramForm, 'timeZone'>): string {
  const typed = form.timeZone.trim();
  return typed !== '' && isKnownTimeZone(typed) ? typed : programDefaults.timeZone;
}

export function newReward(name: string): RewardForm {
  return { id: newId('reward'), name, cost: '10', kind: 'free_item', discount: '' };
}

export function newCampaign(name: string): CampaignForm {
  return {
    key: key(),
    name,
    multiplier: '2',
    startsAt: '',
    endsAt: '',
    fromHour: '14',
    toHour: '16',
    weekdays: [],
  };
}

export function newTier(name: string, minStamps: number): TierForm {
  return { key: key(), name, minStamps: String(minStamps) };
}

/** A new program's form: one stamp per visit, one reward, the coffee card's safeguards. */
export function newProgramForm(words: { name: string; reward: string }): ProgramForm {
  return formFromRules(words.name, {
    earn: { per: 'visit', stamps: 1 },
    rewards: [{ id: newId('reward'), name: words.reward, cost: 10, kind: 'free_item' }],
    cooldownSeconds: 30,
    undoWindowSeconds: 120,
    offline: { redemptionsPerDay: 1 },
  });
}

export function formFromRules(name: string, rules: ProgramRules): ProgramForm {
  const timeZone = rules.timeZone ?? programDefaults.timeZone;
  const local = (iso: string | undefined) =>
    iso === undefined ? '' : localOfInstant(Date.parse(iso), timeZone);
  return {
    name,
    timeZone: rules.timeZone ?? '',
    earnPer: rules.earn.per,
    earnStamps: String(rules.earn.stamps),
    earnAmount: rules.earn.per === 'amount' ? euros(rules.earn.amountCents) : '5.00',
    capPerTransaction: text(rules.caps?.perTransaction),
    capPerDay: text(rules.caps?.perDay),
    rewards: rules.rewards.map((reward) => ({
      id: reward.id,
      name: reward.name,
      cost: String(reward.cost),
      kind: reward.kind,
      discount: euros(reward.discountCents),
    })),
    inactivityDays: text(rules.expiry?.inactivityDays),
    endsOn: rules.expiry?.endsOn ?? '',
    welcome: text(rules.bonuses?.welcome),
    birthday: text(rules.bonuses?.birthday),
    referrer: text(rules.bonuses?.referral?.referrer),
    referee: text(rules.bonuses?.referral?.referee),
    campaigns: (rules.campaigns ?? []).map((campaign) => ({
      key: key(),
      name: campaign.name,
      multiplier: String(campaign.multiplier),
      startsAt: local(campaign.startsAt),
      endsAt: local(campaign.endsAt),
      fromHour: text(campaign.fromHour),
      toHour: text(campaign.toHour),
      weekdays: campaign.weekdays ?? [],
      published: { startsAt: campaign.startsAt, endsAt: campaign.endsAt },
    })),
    tierWindowDays: text(rules.tiers?.windowDays),
    tiers: (rules.tiers?.levels ?? []).map((level) => ({
      key: key(),
      name: level.name,
      minStamps: String(level.minStamps),
    })),
    cooldownSeconds: text(rules.cooldownSeconds),
    undoWindowSeconds: text(rules.undoWindowSeconds),
    offlineRedemptionsPerDay: text(rules.offline?.redemptionsPerDay),
    maxRedeemCostOffline: text(rules.offline?.maxRedeemCostOffline),
  };
}

/** Drops keys whose value is undefined, and the object itself when nothing is left. */
function compact<T extends object>(value: T): T | undefined {
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  return entries.length === 0 ? undefined : (Object.fromEntries(entries) as T);
}

/** A store-local date-time as the campaign's ISO string; what was typed when it is none. */
function campaignInstant(
  typed: string,
  timeZone: string,
  published: string | undefined,
): string | undefined {
  if (typed === '') return undefined;
  const ms = instantOfLocal(typed, timeZone);
  if (ms === undefined) return typed; // the schema says it is no date-time
  if (published !== undefined && Date.parse(published) === ms) return published;
  return isoWithOffset(ms, timeZone);
}

/**
 * What the form says, as a candidate for programRulesSchema: unchecked, so the schema
 * judges it and every problem is worded next to its field.
 */
export function rulesFromForm(form: ProgramForm): unknown {
  const timeZone = zoneOf(form);
  const stamps = parseNumber(form.earnStamps);
  const earn =
    form.earnPer === 'amount'
      ? { per: form.earnPer, stamps, amountCents: parseCents(form.earnAmount) }
      : { per: form.earnPer, stamps };
  const referrer = parseNumber(form.referrer);
  const referee = parseNumber(form.referee);
  const referral =
    referrer === undefined && referee === undefined
      ? undefined
      : { referrer: referrer ?? 0, referee: referee ?? 0 };
  const tierWindowDays = parseNumber(form.tierWindowDays);
  const tiers =
    form.tiers.length === 0 && tierWindowDays === undefined
      ? undefined
      : compact({
          windowDays: tierWindowDays,
          levels: form.tiers.map((tier) => ({
            name: tier.name.trim(),
            minStamps: parseNumber(tier.minStamps),
          })),
        });
  return compact({
    timeZone: form.timeZone.trim() || undefined,
    earn,
    caps: compact({
      perTransaction: parseNumber(form.capPerTransaction),
      perDay: parseNumber(form.capPerDay),
    }),
    rewards: form.rewards.map((reward) =>
      compact({
        id: reward.id,
        name: reward.name.trim(),
        cost: parseNumber(reward.cost),
        kind: reward.kind,
        discountCents: reward.kind === 'discount' ? parseCents(reward.discount) : undefined,
      }),
    ),
    expiry: compact({
      inactivityDays: parseNumber(form.inactivityDays),
      endsOn: form.endsOn.trim() || undefined,
    }),
    bonuses: compact({
      welcome: parseNumber(form.welcome),
      birthday: parseNumber(form.birthday),
      referral,
    }),
    campaigns:
      form.campaigns.length === 0
        ? undefined
        : form.campaigns.map((campaign) =>
            compact({
              name: campaign.name.trim(),
              multiplier: parseNumber(campaign.multiplier),
              startsAt: campaignInstant(campaign.startsAt, timeZone, campaign.published?.startsAt),
              endsAt: campaignInstant(campaign.endsAt, timeZone, campaign.published?.endsAt),
              fromHour: parseNumber(campaign.fromHour),
              toHour: parseNumber(campaign.toHour),
              weekdays:
                campaign.weekdays.length === 0
                  ? undefined
                  : [...campaign.weekdays].sort((a, b) => a - b),
            }),
          ),
    tiers,
    cooldownSeconds: parseNumber(form.cooldownSeconds),
    undoWindowSeconds: parseNumber(form.undoWindowSeconds),
    offline: compact({
      redemptionsPerDay: parseNumber(form.offlineRedemptionsPerDay),
      maxRedeemCostOffline: parseNumber(form.maxRedeemCostOffline),
    }),
  });
}
