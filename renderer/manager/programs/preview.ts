/**
 * The editor's live preview: "a member with 9 stamps buying 2 coffees gets …". It asks
 * the counter's own rule engine (`decide`), so what the manager sees is what the counter
 * will do: stamps for the purchase, a campaign's extra (cut to the caps), a birthday
 * bonus, a refusal by cap or cooldown, lapsed stamps, the rewards then in reach and the
 * tier. Pure: the scenario carries its time.
 */
import { decide } from '../../../shared/rules/decide';
import { stampsHaveLapsed } from '../../../shared/rules/expiry';
import { DAY_MS, localTime } from '../../../shared/rules/local-time';
import type { CardState, MemberState } from '../../../shared/rules/member-state';
import { programDefaults, type ProgramRules } from '../../../shared/rules/program-schema';
import type { Refusal } from '../../../shared/rules/refusal';
import { activeCampaign } from '../../../shared/rules/campaigns';
import { tierAt } from '../../../shared/rules/tiers';
import { describeCounterError } from '../../i18n/describe';
import type { Messages } from '../../i18n/en';

export interface PreviewScenario {
  /** Stamps on the card before the purchase. */
  readonly balance: number;
  /** Items bought (per-item programs). */
  readonly items: number;
  /** Amount spent, in cents (per-amount programs). */
  readonly amountCents: number;
  readonly atMs: number;
  /** Purchase and campaign stamps this member already had today. */
  readonly stampsToday: number;
  /** Seconds since the card was last stamped; undefined: not recently. */
  readonly secondsSinceStamp?: number | undefined;
  /** Days since the member's last visit; undefined: today. */
  readonly daysSinceVisit?: number | undefined;
  readonly birthdayToday: boolean;
}

export type PreviewOutcome =
  | { readonly kind: 'refused'; readonly refusal: Refusal }
  | {
      readonly kind: 'stamped';
      readonly purchase: number;
      readonly campaign?: { readonly name: string; readonly extra: number; readonly full: number };
      readonly birthday: number;
      /** Stamps on the card before the purchase that had lapsed, if any. */
      readonly lapsed: number;
      readonly total: number;
      readonly balanceAfter: number;
      /** Rewards the member can redeem after the purchase, cheapest first. */
      readonly redeemable: readonly { readonly name: string; readonly cost: number }[];
      /** The cheapest reward still out of reach. */
      readonly next?: { readonly name: string; readonly missing: number };
      readonly tierBefore?: string;
      readonly tierAfter?: string;
    };

const PREVIEW_MEMBER = 'mem_preview';
const PREVIEW_CARD = 'crd_preview';
const PREVIEW_PROGRAM = 'prg_preview';

/** What the counter would do with this purchase under these rules. */
export function previewPurchase(rules: ProgramRules, scenario: PreviewScenario): PreviewOutcome {
  const { atMs } = scenario;
  const timeZone = rules.timeZone ?? programDefaults.timeZone;
  const lastActivityMs =
    scenario.daysSinceVisit === undefined ? atMs : atMs - scenario.daysSinceVisit * DAY_MS;
  const member: MemberState = {
    member: PREVIEW_MEMBER,
    erased: false,
    birthday: scenario.birthdayToday ? localTime(atMs, timeZone).date : undefined,
    balance: scenario.balance,
    lastActivityMs,
    stampsToday: scenario.stampsToday,
    redemptionsToday: 0,
    lastBirthdayBonusYear: undefined,
  };
  const card: CardState = {
    id: PREVIEW_CARD,
    blocked: false,
    lastStampMs:
      scenario.secondsSinceStamp === undefined
        ? undefined
        : atMs - scenario.secondsSinceStamp * 1000,
  };
  const decision = decide({
    program: { id: PREVIEW_PROGRAM, rules },
    member,
    card,
    action: { kind: 'stamp', items: scenario.items, amountCents: scenario.amountCents },
    role: 'cashier',
    nowMs: atMs,
    online: true,
  });
  if (!decision.ok) return { kind: 'refused', refusal: decision.error };

  let purchase = 0;
  let extra = 0;
  let birthday = 0;
  for (const draft of decision.value) {
    if (draft.type !== 'stamps.earned') continue;
    const { count, reason } = draft.data as { count: number; reason: string };
    if (reason === 'purchase') purchase += count;
    else if (reason === 'campaign') extra += count;
    else if (reason === 'birthday') birthday += count;
  }
  const campaign = activeCampaign(rules, atMs);
  const total = purchase + extra + birthday;
  // The projection lapses a balance at the next visit, as the counter's balance shows it.
  const lapsed =
    scenario.daysSinceVisit !== undefined &&
    stampsHaveLapsed(rules, lastActivityMs, atMs) &&
    scenario.balance > 0
      ? scenario.balance
      : 0;
  const balanceAfter = scenario.balance - lapsed + total;
  const rewards = [...rules.rewards].sort((a, b) => a.cost - b.cost);
  const nextReward = rewards.find((reward) => reward.cost > balanceAfter);
  // Tiers: the stamps on the card count as earned within the tier window.
  const before = [atMs - 1, scenario.balance - lapsed];
  const tierBefore = tierAt(before, rules.tiers, atMs);
  const tierAfter = tierAt([...before, atMs, total], rules.tiers, atMs);
  return {
    kind: 'stamped',
    purchase,
    ...(campaign && {
      campaign: {
        name: campaign.name,
        extra,
        full: Math.floor(purchase * campaign.multiplier) - purchase,
      },
    }),
    birthday,
    lapsed,
    total,
    balanceAfter,
    redeemable: rewards
      .filter((reward) => reward.cost <= balanceAfter)
      .map(({ name, cost }) => ({ name, cost })),
    ...(nextReward && {
      next: { name: nextReward.name, missing: nextReward.cost - balanceAfter },
    }),
    ...(tierBefore !== undefined && { tierBefore }),
    ...(tierAfter !== undefined && { tierAfter }),
  };
}

/** The preview in sentences: a lead ("A member with 9 stamps buying 2 items:") and what follows. */
export function describePreview(
  rules: ProgramRules,
  scenario: PreviewScenario,
  outcome: PreviewOutcome,
  t: Messages,
): { readonly lead: string; readonly lines: readonly string[] } {
  const p = t.programs.preview;
  const purchase =
    rules.earn.per === 'visit'
      ? p.purchase.visit
      : rules.earn.per === 'item'
        ? p.purchase.items(scenario.items)
        : p.purchase.amount(scenario.amountCents);
  const lead = p.lead(scenario.balance, purchase);
  if (outcome.kind === 'refused') {
    return { lead, lines: [p.refused(describeCounterError(t, outcome.refusal))] };
  }
  const lines = [p.gets(outcome.purchase)];
  const { campaign } = outcome;
  if (campaign && campaign.extra > 0) lines.push(p.campaign(campaign.extra, campaign.name));
  if (campaign && campaign.extra < campaign.full) {
    lines.push(p.campaignCut(campaign.name, campaign.full, Math.max(campaign.extra, 0)));
  }
  if (outcome.birthday > 0) lines.push(p.birthday(outcome.birthday));
  if (outcome.lapsed > 0) lines.push(p.lapsed(outcome.lapsed));
  lines.push(p.total(outcome.total, outcome.balanceAfter));
  if (outcome.redeemable.length > 0) {
    lines.push(p.canRedeem(outcome.redeemable.map((r) => p.rewardCost(r.name, r.cost)).join(', ')));
  }
  if (outcome.next) lines.push(p.toNext(outcome.next.missing, outcome.next.name));
  if (outcome.tierAfter !== undefined) {
    lines.push(
      outcome.tierAfter === outcome.tierBefore
        ? p.tier(outcome.tierAfter)
        : p.tierUp(outcome.tierBefore, outcome.tierAfter),
    );
  }
  return { lead, lines };
}
