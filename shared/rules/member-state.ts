/**
 * What the rule engine needs to know about a member, read off the projection for one
 * program at one instant. The terminal reads the same fields from its Dexie tables.
 */
import { canonicalMember, type DerivedViews } from '../projection/derived-views';
import { localDayNumber } from './local-time';
import { programDefaults } from './program-schema';

export interface MemberState {
  /** The member that holds the account (after merges). */
  readonly member: string;
  readonly erased: boolean;
  readonly birthday: string | undefined;
  /** Ledger balance, before any lapse at "now" (the rule engine applies that). */
  readonly balance: number;
  readonly lastActivityMs: number | undefined;
  /** Purchase and campaign stamps on the store-local day of "now". */
  readonly stampsToday: number;
  readonly redemptionsToday: number;
  readonly lastBirthdayBonusYear: number | undefined;
}

export interface CardState {
  readonly id: string;
  readonly blocked: boolean;
  readonly lastStampMs: number | undefined;
}

export const newMemberState = (member: string): MemberState => ({
  member,
  erased: false,
  birthday: undefined,
  balance: 0,
  lastActivityMs: undefined,
  stampsToday: 0,
  redemptionsToday: 0,
  lastBirthdayBonusYear: undefined,
});

export function memberStateFor(
  views: DerivedViews,
  memberId: string,
  programId: string,
  nowMs: number,
): MemberState {
  const member = canonicalMember(views, memberId);
  const profile = views.members.get(member);
  const balance = profile?.balances.get(programId);
  const timeZone = views.programs.get(programId)?.rules.timeZone ?? programDefaults.timeZone;
  const today = balance?.activityDay === localDayNumber(nowMs, timeZone);
  return {
    member,
    erased: profile?.erased ?? false,
    birthday: profile?.birthday,
    balance: balance?.balance ?? 0,
    lastActivityMs: balance?.lastActivityMs,
    stampsToday: today ? balance.stampsOnActivityDay : 0,
    redemptionsToday: today ? balance.redemptionsOnActivityDay : 0,
    lastBirthdayBonusYear: balance?.lastBirthdayBonusYear,
  };
}

export function cardStateFor(views: DerivedViews, cardId: string): CardState | undefined {
  const card = views.cards.get(cardId);
  return card && { id: card.id, blocked: card.blocked, lastStampMs: card.lastStampMs };
}
