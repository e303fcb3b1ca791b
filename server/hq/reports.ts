/**
 * HQ's reports from a tenant's folded ledger: the KPIs overall and per store, and the
 * overdrafts across stores, in the shapes of shared/sync/reports-protocol.ts.
 */
import { hlcWallMs } from '../../shared/clock';
import type { KpiReport } from '../../shared/kpi/kpi-report';
import type { Projection } from '../../shared/projection/projection';
import type {
  KpiFigures,
  KpisResponse,
  OverdraftsResponse,
  ResolvedPeriod,
} from '../../shared/sync/reports-protocol';
import type { StoreRow, TerminalRow } from '../store/server-store';
import type { KpiMemo } from './kpi-memo';

function figures(report: KpiReport): KpiFigures {
  return {
    membersEnrolled: report.membersEnrolled,
    activeMembers: report.activeMembers,
    retentionRate: report.retention.rate,
    repeatVisitRate: report.repeatVisitRate,
    redemptionRate: report.redemptionRate,
    stampsEarned: report.stampsEarned,
    stampsRedeemed: report.stampsRedeemed,
    redemptions: report.redemptions,
    overdrafts: report.overdrafts.count,
    perDay: report.perDay.map(({ date, stamps, redemptions }) => ({ date, stamps, redemptions })),
  };
}

/** The tenant's figures, and each store's (only the stores given: the tenant's own). */
export function kpisReport(
  p: Projection,
  period: ResolvedPeriod,
  stores: readonly StoreRow[],
  memo: KpiMemo,
): KpisResponse {
  const [overall, ...perStore] = memo.reports(p, period, [
    undefined,
    ...stores.map((store) => store.id),
  ]);
  if (!overall) throw new Error('No KPI report was made for the tenant.');
  return {
    period,
    overall: figures(overall),
    stores: stores.map((store, i) => {
      const kpis = perStore[i];
      if (!kpis) throw new Error(`No KPI report was made for ${store.id}.`);
      return { id: store.id, name: store.name, kpis: figures(kpis) };
    }),
  };
}

/** Every overdraft of the period in the tenant's stores, in total order, with names. */
export function overdraftsReport(
  p: Projection,
  period: ResolvedPeriod,
  stores: readonly StoreRow[],
  terminals: readonly TerminalRow[],
  store: string | undefined,
  memo: KpiMemo,
): OverdraftsResponse {
  const [report] = memo.reports(p, period, [store]);
  if (!report) throw new Error(`No KPI report was made for ${store ?? 'the tenant'}.`);
  const storeNames = new Map(stores.map((s) => [s.id, s.name]));
  const terminalNames = new Map(terminals.map((t) => [t.id, t.name]));
  return {
    period,
    overdrafts: report.overdrafts.items.map((item) => {
      const member = p.views.members.get(item.member);
      return {
        id: item.id,
        hlc: item.hlc,
        atMs: hlcWallMs(item.hlc),
        store: item.store,
        storeName: storeNames.get(item.store) ?? item.store,
        terminal: item.terminal,
        terminalName: terminalNames.get(item.terminal) ?? item.terminal,
        staff: item.staff ?? null,
        member: item.member,
        memberName: member && !member.erased && member.name ? member.name : null,
        reward:
          p.views.programs.get(item.program)?.rules.rewards.find((r) => r.id === item.reward)
            ?.name ?? item.reward,
        cost: item.cost,
        balanceBefore: item.balanceBefore,
      };
    }),
  };
}
