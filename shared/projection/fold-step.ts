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
import { accountHolder, balanceOf, memberOf } from './derived-views';
import type { BalanceView } from './views';

function timeZoneOf(rules: ProgramRules | undefined): string {
  return rules?.timeZone ?? programDefaults.timeZone;
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

function foldStamps(views: DerivedViews, event: EventOf<'stamps.earned'>): void {
  const { data } = event;
  const ms = hlcWallMs(event.hlc);
  const rules = views.programs.get(data.program)?.rules;
  const holder = accountHolder(views, data.member);
  const balance = balanceOf(holder, data.program);
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

function foldRedemption(views: DerivedViews, event: EventOf<'reward.redeemed'>): void {
  const { data } = event;
  const ms = hlcWallMs(event.hlc);
  const rules = views.programs.get(data.program)?.rules;
  const balance = balanceOf(accountHolder(views, data.member), data.program);
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

/** Folds one event into the views; `event` must not be voided and must come last so far. */
export function foldEvent(views: DerivedViews, event: LedgerEvent): void {
  switch (event.type) {
    case 'member.enrolled': {
      const { data } = event;
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
    case 'member.updated': {
      const { data } = event;
      const member = accountHolder(views, data.member);
      if (member.erased) return; // erased data never comes back
      if (data.name !== undefined) member.name = data.name;
      if (data.phone !== undefined) member.phone = data.phone;
      if (data.email !== undefined) member.email = data.email;
      if (data.birthday !== undefined) member.birthday = data.birthday;
      if (data.consent !== undefined) member.marketingConsent = data.consent.marketing;
      return;
    }
    case 'member.erased': {
      const member = accountHolder(views, event.data.member);
      member.erased = true;
      member.name = undefined;
      member.phone = undefined;
      member.email = undefined;
      member.birthday = undefined;
      member.marketingConsent = false;
      return;
    }
    case 'member.merged':
      foldMerge(views, event);
      return;
    case 'card.linked': {
      const { data } = event;
      if (views.cards.has(data.card)) return; // a card belongs to the member it was first linked to
      const member = accountHolder(views, data.member);
      views.cards.set(data.card, {
        id: data.card,
        member: member.id,
        kind: data.kind,
        blocked: false,
        blockedReason: undefined,
        lastStampMs: undefined,
      });
      member.cards.push(data.card);
      return;
    }
    case 'card.blocked': {
      const card = views.cards.get(event.data.card);
      if (card && !card.blocked) {
        card.blocked = true;
        card.blockedReason = event.data.reason;
      }
      return;
    }
    case 'program.published': {
      const { data } = event;
      views.programs.set(data.program, {
        id: data.program,
        version: data.version,
        name: data.name,
        rules: data.rules,
        publishedHlc: event.hlc,
      });
      return;
    }
    case 'stamps.earned':
      foldStamps(views, event);
      return;
    case 'reward.redeemed':
      foldRedemption(views, event);
      return;
    case 'event.voided':
    case 'feedback.given':
    case 'day.closed':
      // Voids are applied by skipping their targets; feedback and day-end records are
      // read by reports, not folded into balances.
      return;
    default:
      assertNever(event);
  }
}
