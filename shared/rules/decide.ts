/**
 * The rule engine: (program, member state, cashier action, now, online or not) → the
 * events to append, or a refusal a cashier understands. Pure: the terminal adds the
 * envelope (id, clock, seq, signature) and commits the events in one transaction.
 */
import type { EventDraft } from '../ledger/envelope';
import type { EventType } from '../ledger/event-types';
import { hlcWallMs } from '../clock';
import { err, ok, assertNever, type Result } from '../result';
import { activeCampaign } from './campaigns';
import { programHasEnded, stampsHaveLapsed } from './expiry';
import { dayNumberOfDate, localTime } from './local-time';
import type { CardState, MemberState } from './member-state';
import { programDefaults, type ProgramRules } from './program-schema';
import { refuse, type Refusal } from './refusal';

/** A birthday bonus is given with the first stamp within this many days after it. */
export const BIRTHDAY_WINDOW_DAYS = 30;

export interface MemberProfile {
  readonly name?: string | undefined;
  readonly phone?: string | undefined;
  readonly email?: string | undefined;
  readonly birthday?: string | undefined;
  readonly marketingConsent: boolean;
}

export interface UndoTarget {
  readonly id: string;
  readonly type: EventType;
  readonly hlc: string;
  /** Whether a void of it already exists. */
  readonly voided: boolean;
}

export type CashierAction =
  /** A purchase: `items` for per-item programs, `amountCents` for per-amount programs. */
  | { readonly kind: 'stamp'; readonly items?: number; readonly amountCents?: number }
  | { readonly kind: 'redeem'; readonly reward: string }
  | {
      readonly kind: 'enrol';
      /** The new member's id, made by the caller (`newId('member')`). */
      readonly member: string;
      readonly profile: MemberProfile;
      readonly card?: { readonly id: string; readonly kind: 'qr' | 'nfc' | 'barcode' };
      /** The referring member, identified by scanning their card. */
      readonly referredBy?: string;
    }
  | { readonly kind: 'undo'; readonly target: UndoTarget }
  | {
      readonly kind: 'adjust';
      readonly count: number;
      /** What the adjustment settles, e.g. an overdraft (`overdraftRef`). */
      readonly ref?: string | undefined;
    };

export interface DecisionInput {
  readonly program: { readonly id: string; readonly rules: ProgramRules };
  /** The member acted on; for `enrol`, `newMemberState(action.member)`. */
  readonly member: MemberState;
  /** The card that was scanned, if the member was identified by a card. */
  readonly card?: CardState | undefined;
  readonly action: CashierAction;
  readonly role: 'cashier' | 'manager';
  readonly nowMs: number;
  readonly online: boolean;
}

export type Decision = Result<EventDraft[], Refusal>;

/** Drops keys whose value is undefined: a signed event has no undefined fields. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function checkMemberAndCard(input: DecisionInput): Refusal | undefined {
  if (input.member.erased) return refuse.memberErased();
  if (input.card?.blocked) return refuse.cardBlocked();
  const endsOn = input.program.rules.expiry?.endsOn;
  if (endsOn !== undefined && programHasEnded(input.program.rules, input.nowMs)) {
    return refuse.programExpired(endsOn);
  }
  return undefined;
}

const isCount = (n: number) => Number.isInteger(n) && n >= 1 && n <= 10_000;

/** Stamps a purchase earns before campaigns, or why it earns none. */
function purchaseStamps(
  rules: ProgramRules,
  action: { items?: number; amountCents?: number },
): Result<number, Refusal> {
  const { earn } = rules;
  switch (earn.per) {
    case 'visit':
      return ok(earn.stamps);
    case 'item': {
      const items = action.items ?? 1;
      return isCount(items)
        ? ok(items * earn.stamps)
        : err(refuse.invalidQuantity('The number of items'));
    }
    case 'amount': {
      const cents = action.amountCents;
      if (cents === undefined || !Number.isInteger(cents) || cents < 1) {
        return err(refuse.invalidQuantity('The amount in cents'));
      }
      const units = Math.floor(cents / earn.amountCents);
      return units < 1
        ? err(refuse.belowMinimumAmount(cents, earn.amountCents))
        : ok(units * earn.stamps);
    }
    default:
      return assertNever(earn);
  }
}

function birthdayBonusDue(input: DecisionInput): boolean {
  const { member, program, nowMs } = input;
  if (!program.rules.bonuses?.birthday || member.birthday === undefined) return false;
  const now = localTime(nowMs, program.rules.timeZone ?? programDefaults.timeZone);
  if (member.lastBirthdayBonusYear === now.year) return false;
  let monthDay = member.birthday.slice(-5);
  const isLeap = new Date(Date.UTC(now.year, 1, 29)).getUTCMonth() === 1;
  if (monthDay === '02-29' && !isLeap) monthDay = '02-28';
  const daysSince = now.dayNumber - dayNumberOfDate(`${now.year}-${monthDay}`);
  return daysSince >= 0 && daysSince <= BIRTHDAY_WINDOW_DAYS;
}

function decideStamp(
  input: DecisionInput,
  action: { items?: number; amountCents?: number },
): Decision {
  const refusal = checkMemberAndCard(input);
  if (refusal) return err(refusal);
  const { rules, id: program } = input.program;
  const cooldownMs = (rules.cooldownSeconds ?? programDefaults.cooldownSeconds) * 1000;
  const lastStampMs = input.card?.lastStampMs;
  if (cooldownMs > 0 && lastStampMs !== undefined && input.nowMs - lastStampMs < cooldownMs) {
    return err(refuse.cooldown(Math.ceil((cooldownMs - (input.nowMs - lastStampMs)) / 1000)));
  }
  const base = purchaseStamps(rules, action);
  if (!base.ok) return base;
  const perTransaction = rules.caps?.perTransaction ?? Infinity;
  if (base.value > perTransaction) return err(refuse.capPerTransaction(perTransaction));
  const perDay = rules.caps?.perDay;
  const remainingToday =
    perDay === undefined ? Infinity : Math.max(0, perDay - input.member.stampsToday);
  if (perDay !== undefined && base.value > remainingToday) {
    return err(refuse.capPerDay(perDay, remainingToday));
  }

  const member = input.member.member;
  const card = input.card?.id;
  const events: EventDraft[] = [
    {
      type: 'stamps.earned',
      data: defined({ member, program, count: base.value, reason: 'purchase', card }),
    },
  ];
  const campaign = activeCampaign(rules, input.nowMs);
  if (campaign) {
    // Campaign stamps are clamped so that the caps hold; they never cause a refusal.
    const extra = Math.min(
      Math.floor(base.value * campaign.multiplier) - base.value,
      perTransaction - base.value,
      remainingToday - base.value,
    );
    if (extra > 0) {
      events.push({
        type: 'stamps.earned',
        data: defined({
          member,
          program,
          count: extra,
          reason: 'campaign',
          card,
          ref: campaign.name,
        }),
      });
    }
  }
  const birthdayBonus = rules.bonuses?.birthday;
  if (birthdayBonus !== undefined && birthdayBonusDue(input)) {
    events.push({
      type: 'stamps.earned',
      data: { member, program, count: birthdayBonus, reason: 'birthday' },
    });
  }
  return ok(events);
}

function decideRedeem(input: DecisionInput, rewardId: string): Decision {
  const refusal = checkMemberAndCard(input);
  if (refusal) return err(refusal);
  const { rules, id: program } = input.program;
  const reward = rules.rewards.find((r) => r.id === rewardId);
  if (!reward) return err(refuse.unknownReward());
  const { balance, lastActivityMs } = input.member;
  const available = stampsHaveLapsed(rules, lastActivityMs, input.nowMs)
    ? Math.min(balance, 0)
    : balance;
  if (available < reward.cost)
    return err(refuse.notEnoughStamps(available, reward.cost, reward.name));
  if (!input.online) {
    const maxCost = rules.offline?.maxRedeemCostOffline;
    if (maxCost !== undefined && reward.cost > maxCost)
      return err(refuse.needsNetwork(reward.name));
    const limit = rules.offline?.redemptionsPerDay;
    if (limit !== undefined && input.member.redemptionsToday >= limit)
      return err(refuse.offlineLimit(limit));
  }
  return ok([
    {
      type: 'reward.redeemed',
      data: defined({
        member: input.member.member,
        program,
        reward: reward.id,
        cost: reward.cost,
        card: input.card?.id,
      }),
    },
  ]);
}

function decideEnrol(
  input: DecisionInput,
  action: Extract<CashierAction, { kind: 'enrol' }>,
): Decision {
  const { rules, id: program } = input.program;
  const { member, profile, card } = action;
  const referredBy = action.referredBy !== member ? action.referredBy : undefined;
  const events: EventDraft[] = [
    {
      type: 'member.enrolled',
      data: defined({
        member,
        name: profile.name,
        phone: profile.phone,
        email: profile.email,
        birthday: profile.birthday,
        consent: { marketing: profile.marketingConsent },
        referredBy,
      }),
    },
  ];
  if (card) events.push({ type: 'card.linked', data: { member, card: card.id, kind: card.kind } });
  if (programHasEnded(rules, input.nowMs)) return ok(events); // no bonuses on an ended program
  const { welcome, referral } = rules.bonuses ?? {};
  if (welcome !== undefined) {
    events.push({
      type: 'stamps.earned',
      data: { member, program, count: welcome, reason: 'welcome' },
    });
  }
  if (referral && referredBy !== undefined) {
    if (referral.referee > 0) {
      events.push({
        type: 'stamps.earned',
        data: { member, program, count: referral.referee, reason: 'referral', ref: referredBy },
      });
    }
    if (referral.referrer > 0) {
      events.push({
        type: 'stamps.earned',
        data: {
          member: referredBy,
          program,
          count: referral.referrer,
          reason: 'referral',
          ref: member,
        },
      });
    }
  }
  return ok(events);
}

function decideUndo(input: DecisionInput, target: UndoTarget): Decision {
  if (target.type !== 'stamps.earned' && target.type !== 'reward.redeemed')
    return err(refuse.notUndoable());
  if (target.voided) return err(refuse.alreadyUndone());
  const windowSeconds = input.program.rules.undoWindowSeconds ?? programDefaults.undoWindowSeconds;
  const withinWindow = input.nowMs - hlcWallMs(target.hlc) <= windowSeconds * 1000;
  if (!withinWindow && input.role !== 'manager') return err(refuse.undoWindowPassed(windowSeconds));
  return ok([
    {
      type: 'event.voided',
      data: { target: target.id, reason: withinWindow ? 'cashier_undo' : 'manager_correction' },
    },
  ]);
}

function decideAdjust(input: DecisionInput, count: number, ref: string | undefined): Decision {
  if (input.role !== 'manager') return err(refuse.managerRequired());
  if (!Number.isInteger(count) || count === 0 || Math.abs(count) > 10_000) {
    return err(refuse.invalidQuantity('An adjustment'));
  }
  return ok([
    {
      type: 'stamps.earned',
      data: {
        member: input.member.member,
        program: input.program.id,
        count,
        reason: 'adjustment',
        ...(ref === undefined ? {} : { ref }),
      },
    },
  ]);
}

/** Turns a cashier's action into the events to append, or into a refusal. */
export function decide(input: DecisionInput): Decision {
  const { action } = input;
  switch (action.kind) {
    case 'stamp':
      return decideStamp(input, action);
    case 'redeem':
      return decideRedeem(input, action.reward);
    case 'enrol':
      return decideEnrol(input, action);
    case 'undo':
      return decideUndo(input, action.target);
    case 'adjust':
      return decideAdjust(input, action.count, action.ref);
    default:
      return assertNever(action);
  }
}
