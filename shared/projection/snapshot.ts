/**
 * A plain, ordered, comparable copy of a projection's views: what tests compare, what
 * the demo prints, and what a replica could send. Tiers are computed as of the newest
 * event in the set, so the snapshot is still a pure function of the set.
 */
import { hlcWallMs } from '../clock';
import { tierAt } from '../rules/tiers';
import type { Projection } from './projection';
import type { CardView, MemberView, ProgramView, RedemptionView } from './views';

export interface BalanceSnapshot {
  readonly member: string;
  readonly program: string;
  readonly balance: number;
  readonly earned: number;
  readonly redeemed: number;
  readonly lapsed: number;
  readonly overdrafts: number;
  readonly lastActivityMs: number | undefined;
  readonly activityDay: number | undefined;
  readonly stampsOnActivityDay: number;
  readonly redemptionsOnActivityDay: number;
  readonly lastBirthdayBonusYear: number | undefined;
  readonly tier: string | undefined;
}

export interface ProjectionSnapshot {
  /** Members without their balances, which are listed under `balances`. */
  readonly members: readonly Omit<MemberView, 'balances'>[];
  readonly cards: readonly CardView[];
  readonly balances: readonly BalanceSnapshot[];
  readonly redemptions: readonly RedemptionView[];
  readonly programs: readonly ProgramView[];
}

const byKey =
  <T>(key: (item: T) => string) =>
  (a: T, b: T) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  };

export function projectionSnapshot(p: Projection): ProjectionSnapshot {
  const { views } = p;
  const newest = p.ordered[p.ordered.length - 1];
  const asOfMs = newest ? hlcWallMs(newest.hlc) : 0;
  const balances: BalanceSnapshot[] = [];
  for (const member of views.members.values()) {
    for (const b of member.balances.values()) {
      const { earnings, ...rest } = b;
      balances.push({
        ...rest,
        tier: tierAt(earnings, views.programs.get(b.program)?.rules.tiers, asOfMs),
      });
    }
  }
  return {
    members: [...views.members.values()]
      .map(({ balances: _balances, ...m }) => ({ ...m, cards: [...m.cards] }))
      .sort(byKey((m) => m.id)),
    cards: [...views.cards.values()].map((c) => ({ ...c })).sort(byKey((c) => c.id)),
    balances: balances.sort(byKey((b) => `${b.member} ${b.program}`)),
    redemptions: [...views.redemptions.values()].sort(byKey((r) => `${r.hlc} ${r.id}`)),
    programs: [...views.programs.values()].sort(byKey((x) => x.id)),
  };
}
