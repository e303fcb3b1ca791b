/** The mutable maps the fold writes into, and the lookups it needs on them. */
import type { BalanceView, CardView, MemberView, ProgramView, RedemptionView } from './views';

export interface DerivedViews {
  /** Every member the ledger names; balances hang off the member that holds them. */
  readonly members: Map<string, MemberView>;
  readonly cards: Map<string, CardView>;
  /** Every redemption that was not voided, by event id. */
  readonly redemptions: Map<string, RedemptionView>;
  /** The newest published version of each program, by total order. */
  readonly programs: Map<string, ProgramView>;
}

export function emptyViews(): DerivedViews {
  return {
    members: new Map(),
    cards: new Map(),
    redemptions: new Map(),
    programs: new Map(),
  };
}

/** Follows merges to the member that now holds the account. */
export function canonicalMember(views: DerivedViews, id: string): string {
  let current = id;
  // A merge never makes a cycle (see foldMerge), so this ends.
  for (;;) {
    const next = views.members.get(current)?.mergedInto;
    if (next === undefined) return current;
    current = next;
  }
}

function newMember(id: string): MemberView {
  return {
    id,
    enrolledHlc: undefined,
    name: undefined,
    phone: undefined,
    email: undefined,
    birthday: undefined,
    marketingConsent: false,
    referredBy: undefined,
    erased: false,
    mergedInto: undefined,
    cards: [],
    balances: new Map(),
  };
}

/** The member with this id, made empty when the ledger has not named it before. */
export function memberOf(views: DerivedViews, id: string): MemberView {
  let member = views.members.get(id);
  if (!member) {
    member = newMember(id);
    views.members.set(id, member);
  }
  return member;
}

/** The member that now holds the account of `id`, after merges. */
export function accountHolder(views: DerivedViews, id: string): MemberView {
  let member = memberOf(views, id);
  // A merge never makes a cycle (see foldMerge), so this ends.
  while (member.mergedInto !== undefined) member = memberOf(views, member.mergedInto);
  return member;
}

export function balanceOf(member: MemberView, program: string): BalanceView {
  let balance = member.balances.get(program);
  if (!balance) {
    balance = {
      member: member.id,
      program,
      balance: 0,
      earned: 0,
      redeemed: 0,
      lapsed: 0,
      overdrafts: 0,
      lastActivityMs: undefined,
      activityDay: undefined,
      stampsOnActivityDay: 0,
      redemptionsOnActivityDay: 0,
      lastBirthdayBonusYear: undefined,
      earnings: [],
    };
    member.balances.set(program, balance);
  }
  return balance;
}
