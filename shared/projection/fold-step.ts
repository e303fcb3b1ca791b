/**
 * One step of the fold: the effect of one event on the views, given that every event
 * before it in total order has been folded and that voided events are skipped by the
 * caller. Semantically odd events (a stamp for a member never enrolled, a second
 * enrolment) are folded permissively or ignored, never thrown on: the physical world
 * wins, and the projection must be total over any set of valid events.
 */
import { hlcWallMs } from '../clock';
import type { EventOf, LedgerEvent } from '../ledger/envelope';
import { assertNever } from '../result';
import { stampsHaveLapsed } from '../rules/expiry';
import { localDayNumber, localTime } from '../rules/local-time';
import { programDefaults } from '../rules/program-schema';
import type { ProgramRules } from '../rules/program-schema';
import type { DerivedViews } from './derived-views';
import { accountHolder, balanceOf, keptId, memberOf } from './derived-views';
import type { BalanceView, ProgramView } from './views';

/**
 * The key a balance in this program is held under: the program view's own id string, so
 * that every member's balances map holds the same few key strings (found by identity, and
 * in cache) rather than one fresh from each event. The event's id when the program is
 * not known.
 */
const programKey = (program: ProgramView | undefined, named: string) => program?.id ?? named;

function timeZoneOf(rules: ProgramRules | undefined): string {
  return rules?.timeZone ?? programDefaults.timeZone;
}

/**
 * Whether the fold reads two versions of a program's rules alike. Of a stamp's or a
 * redemption's program it reads only the time zone (local days, birthdays) and the expiry
 * (lapses), below; a version that changes only what is earned, the caps, rewards,
 * bonuses, campaigns or tiers folds every event as the version before it did.
 */
export function foldReadsAlike(a: ProgramRules | undefined, b: ProgramRules | undefined): boolean {
  return (
    timeZoneOf(a) === timeZoneOf(b) &&
    a?.expiry?.inactivityDays === b?.expiry?.inactivityDays &&
    a?.expiry?.endsOn === b?.expiry?.endsOn
  );
}

/** Lapses the balance before a visit at `ms` when the program's expiry rules say so. */
function applyExpiry(balance: BalanceView, rules: ProgramRules | undefined, ms: number): void {
  if (balance.balance <= 0) return; // a debt from an overdraft never lapses
  if (stampsHaveLapsed(rules, balance.lastActivityMs, ms)) {
    balance.lapsed += balance.balance;
    balance.balance = 0;
  }
}

/** Records a visit on the balance's activity day (for daily caps and limits). */
function recordActivity(balance: BalanceView, rules: ProgramRules | undefined, ms: number): void {
  const day = localDayNumber(ms, timeZoneOf(rules));
  if (balance.activityDay !== day) {
    balance.activityDay = day;
    balance.stampsOnActivityDay = 0;
    balance.redemptionsOnActivityDay = 0;
  }
  if (balance.lastActivityMs === undefined || ms > balance.lastActivityMs)
    balance.lastActivityMs = ms;
}

function foldStamps(views: DerivedViews, event: EventOf<'stamps.earned'>, ms: number): void {
  const { data } = event;
  const program = views.programs.get(data.program);
  const rules = program?.rules;
  const holder = accountHolder(views, data.member);
  const balance = balanceOf(holder, programKey(program, data.program));
  applyExpiry(balance, rules, ms);
  // A manager's adjustment corrects the balance; it is not a visit.
  if (data.reason !== 'adjustment') recordActivity(balance, rules, ms);
  balance.balance += data.count;
  balance.earned += data.count;
  if (data.reason === 'purchase' || data.reason === 'campaign') {
    balance.stampsOnActivityDay += data.count;
  }
  if (data.reason !== 'adjustment') balance.earnings.push(ms, data.count);
  if (data.reason === 'birthday') {
    balance.lastBirthdayBonusYear = localTime(ms, timeZoneOf(rules)).year;
  }
  if (data.card !== undefined) {
    // Only a card the account holds counts for its cooldown: the rule engine stamps the
    // member a scanned card belongs to, and a stamp cannot reach into another account.
    const card = views.cards.get(data.card);
    if (card?.member === holder.id) card.lastStampMs = ms;
  }
}

function foldRedemption(views: DerivedViews, event: EventOf<'reward.redeemed'>, ms: number): void {
  const { data } = event;
  const program = views.programs.get(data.program);
  const rules = program?.rules;
  const holder = accountHolder(views, data.member);
  const balance = balanceOf(holder, programKey(program, data.program));
  applyExpiry(balance, rules, ms);
  recordActivity(balance, rules, ms);
  const balanceBefore = balance.balance;
  const overdraft = balanceBefore < data.cost;
  balance.balance -= data.cost;
  balance.redeemed += data.cost;
  balance.redemptionsOnActivityDay += 1;
  if (overdraft) balance.overdrafts += 1;
  views.redemptions.set(event.id, {
    id: event.id,
    hlc: event.hlc,
    member: data.member,
    program: data.program,
    reward: data.reward,
    cost: data.cost,
    store: event.store,
    terminal: event.terminal,
    staff: event.staff,
    balanceBefore,
    overdraft,
  });
}

function foldMerge(views: DerivedViews, event: EventOf<'member.merged'>): void {
  const source = accountHolder(views, event.data.from);
  const target = accountHolder(views, event.data.into);
  if (source === target) return; // already one member, or a merge that would make a cycle
  source.mergedInto = target.id;
  for (const cardId of source.cards) {
    const card = views.cards.get(cardId);
    if (card) card.member = target.id;
    target.cards.push(cardId);
  }
  source.cards = [];
  for (const [program, moved] of source.balances) {
    const kept = balanceOf(target, program);
    kept.balance += moved.balance;
    kept.earned += moved.earned;
    kept.redeemed += moved.redeemed;
    kept.lapsed += moved.lapsed;
    kept.overdrafts += moved.overdrafts;
    kept.earnings = mergeEarnings(kept.earnings, moved.earnings);
    if ((moved.lastActivityMs ?? -Infinity) > (kept.lastActivityMs ?? -Infinity)) {
      kept.lastActivityMs = moved.lastActivityMs;
    }
    if (moved.activityDay !== undefined) {
      if (kept.activityDay === moved.activityDay) {
        kept.stampsOnActivityDay += moved.stampsOnActivityDay;
        kept.redemptionsOnActivityDay += moved.redemptionsOnActivityDay;
      } else if (kept.activityDay === undefined || moved.activityDay > kept.activityDay) {
        kept.activityDay = moved.activityDay;
        kept.stampsOnActivityDay = moved.stampsOnActivityDay;
        kept.redemptionsOnActivityDay = moved.redemptionsOnActivityDay;
      }
    }
    if ((moved.lastBirthdayBonusYear ?? 0) > (kept.lastBirthdayBonusYear ?? 0)) {
      kept.lastBirthdayBonusYear = moved.lastBirthdayBonusYear;
    }
  }
  source.balances = new Map();
}

/** The program as a published version defines it. */
export function programViewOf(event: EventOf<'program.published'>): ProgramView {
  const { data } = event;
  return {
    id: data.program,
    version: data.version,
    name: data.name,
    rules: data.rules,
    publishedHlc: event.hlc,
  };
}

/** Merges two [ms, count, …] lists keeping time order. */
function mergeEarnings(a: number[], b: number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && (a[i] ?? 0) <= (b[j] ?? 0))) {
      out.push(a[i] ?? 0, a[i + 1] ?? 0);
      i += 2;
    } else {
      out.push(b[j] ?? 0, b[j + 1] ?? 0);
      j += 2;
    }
  }
  return out;
}

/**
 * The event types as small numbers. The full fold reads each event's type once, in the
 * order the events lie in memory, and then switches on the number: comparing type
 * strings again in total order would reach into memory all over the heap.
 */
export const KIND = {
  other: 0,
  enrolled: 1,
  updated: 2,
  erased: 3,
  merged: 4,
  cardLinked: 5,
  cardBlocked: 6,
  published: 7,
  stamps: 8,
  redeemed: 9,
  voided: 10,
} as const;
export type Kind = (typeof KIND)[keyof typeof KIND];

export function kindOf(type: LedgerEvent['type']): Kind {
  switch (type) {
    case 'stamps.earned':
      return KIND.stamps;
    case 'reward.redeemed':
      return KIND.redeemed;
    case 'member.enrolled':
      return KIND.enrolled;
    case 'member.updated':
      return KIND.updated;
    case 'member.erased':
      return KIND.erased;
    case 'member.merged':
      return KIND.merged;
    case 'card.linked':
      return KIND.cardLinked;
    case 'card.blocked':
      return KIND.cardBlocked;
    case 'program.published':
      return KIND.published;
    case 'event.voided':
      return KIND.voided;
    case 'feedback.given':
    case 'day.closed':
      return KIND.other;
    default:
      return assertNever(type);
  }
}

/** Folds one event into the views; `event` must not be voided and must come last so far. */
export function foldEvent(views: DerivedViews, event: LedgerEvent): void {
  foldKnown(views, event, kindOf(event.type), hlcWallMs(event.hlc));
}

/**
 * `foldEvent` for a caller that has read the event's kind (`kindOf(event.type)`) and the
 * wall-clock milliseconds of its clock (`hlcWallMs(event.hlc)`) already.
 */
export function foldKnown(views: DerivedViews, event: LedgerEvent, kind: Kind, ms: number): void {
  switch (kind) {
    case KIND.stamps:
      foldStamps(views, event as EventOf<'stamps.earned'>, ms);
      return;
    case KIND.redeemed:
      foldRedemption(views, event as EventOf<'reward.redeemed'>, ms);
      return;
    case KIND.enrolled: {
      const { data } = event as EventOf<'member.enrolled'>;
      const member = memberOf(views, data.member);
      if (member.enrolledHlc !== undefined || member.erased) return; // first enrolment wins
      member.enrolledHlc = event.hlc;
      member.name = data.name;
      member.phone = data.phone;
      member.email = data.email;
      member.birthday = data.birthday;
      member.marketingConsent = data.consent.marketing;
      member.referredBy = data.referredBy;
      return;
    }
    case KIND.updated: {
      const { data } = event as EventOf<'member.updated'>;
      const member = accountHolder(views, data.member);
      if (member.erased) return; // erased data never comes back
      if (data.name !== undefined) member.name = data.name;
      if (data.phone !== undefined) member.phone = data.phone;
      if (data.email !== undefined) member.email = data.email;
      if (data.birthday !== undefined) member.birthday = data.birthday;
      if (data.consent !== undefined) member.marketingConsent = data.consent.marketing;
      return;
    }
    case KIND.erased: {
      const member = accountHolder(views, (event as EventOf<'member.erased'>).data.member);
      member.erased = true;
      member.name = undefined;
      member.phone = undefined;
      member.email = undefined;
      member.birthday = undefined;
      member.marketingConsent = false;
      return;
    }
    case KIND.merged:
      foldMerge(views, event as EventOf<'member.merged'>);
      return;
    case KIND.cardLinked: {
      const { data } = event as EventOf<'card.linked'>;
      if (views.cards.has(data.card)) return; // a card belongs to the member it was first linked to
      const member = accountHolder(views, data.member);
      const id = keptId(data.card);
      views.cards.set(id, {
        id,
        member: member.id,
        kind: data.kind,
        blocked: false,
        blockedReason: undefined,
        lastStampMs: undefined,
      });
      member.cards.push(id);
      return;
    }
    case KIND.cardBlocked: {
      const { data } = event as EventOf<'card.blocked'>;
      const card = views.cards.get(data.card);
      if (card && !card.blocked) {
        card.blocked = true;
        card.blockedReason = data.reason;
      }
      return;
    }
    case KIND.published: {
      const program = programViewOf(event as EventOf<'program.published'>);
      views.programs.set(program.id, program);
      return;
    }
    case KIND.voided:
    case KIND.other:
      // Voids are applied by skipping their targets; feedback and day-end records are
      // read by reports, not folded into balances.
      return;
    default:
      assertNever(kind);
  }
}
