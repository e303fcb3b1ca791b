/** The mutable maps the fold writes into, and the lookups it needs on them. */
import type { BalanceView, CardView, MemberView, ProgramView, RedemptionView } from './views';

export interface DerivedViews {
  /** Every member a folded event made or changed; balances hang off the member that holds them. */
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

/**
 * A merge never makes a cycle (foldMerge ignores one that would), so following merges
 * ends within as many steps as there are members. Views patched together wrongly could
 * hold one; then this says so instead of looping for ever.
 */
function mergeCycle(id: string): Error {
  return new Error(`Merges from ${id} go round in a cycle: the views are inconsistent (a bug).`);
}

/** Follows merges to the id of the member that now holds the account (reads only). */
export function canonicalMember(views: DerivedViews, id: string): string {
  let current = id;
  for (let steps = 0; steps <= views.members.size; steps++) {
    const next = views.members.get(current)?.mergedInto;
    if (next === undefined) return current;
    current = next;
  }
  throw mergeCycle(id);
}

/**
 * A copy of an id, to keep as a map's key. The id of a parsed event lies wherever its
 * event lies, and every lookup by a fresh id reads the stored key to compare it: keys
 * copied as they are first stored lie together with the views, and are read from cache
 * far more often (docs/decisions/0001-fold-throughput.md). Joining two slices makes a
 * string of its own; `slice` alone would give a view into the original.
 */
export function keptId(id: string): string {
  return [id.slice(0, 1), id.slice(1)].join('');
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
    const kept = keptId(id);
    member = newMember(kept);
    views.members.set(kept, member);
  }
  return member;
}

/** The member that now holds the account of `id`, after merges; made when unknown (folds). */
export function accountHolder(views: DerivedViews, id: string): MemberView {
  let member = memberOf(views, id);
  for (let steps = 0; steps <= views.members.size; steps++) {
    if (member.mergedInto === undefined) return member;
    member = memberOf(views, member.mergedInto);
  }
  throw mergeCycle(id);
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
