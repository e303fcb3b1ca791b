/** The mutable maps the fold writes into, and the lookups it needs on them. */
import type { BalanceView, CardView, MemberView, ProgramView, RedemptionView } from './views';

export interface DerivedViews {
  readonly members: Map<string, MemberView>;
  readonly cards: Map<string, CardView>;
  /** member → program → balance; only members that were not merged away. */
  readonly balances: Map<string, Map<string, BalanceView>>;
  /** Every redemption that was not voided, by event id. */
  readonly redemptions: Map<string, RedemptionView>;
  /** The newest published version of each program, by total order. */
  readonly programs: Map<string, ProgramView>;
}

export function emptyViews(): DerivedViews {
  return {
    members: new Map(),
    cards: new Map(),
    balances: new Map(),
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

export function balanceOf(views: DerivedViews, member: string, program: string): BalanceView {
  let perProgram = views.balances.get(member);
  if (!perProgram) {
    perProgram = new Map();
    views.balances.set(member, perProgram);
  }
  let balance = perProgram.get(program);
  if (!balance) {
    balance = {
      member,
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
    perProgram.set(program, balance);
  }
  return balance;
}
