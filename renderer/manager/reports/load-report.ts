/**
 * What the Reports screen reads from the terminal's storage: every stored event (the
 * KPIs need the whole ledger: overdraft flags and merges depend on all of it, and a
 * customer is whoever visited in the 90 days before the period), the store it reports
 * on and the names of its staff. One read-only transaction: one snapshot.
 */
import { computeKpis, KPI_DEFAULTS } from '../../../shared/kpi/compute-kpis';
import type { KpiReport } from '../../../shared/kpi/kpi-report';
import {
  reportPeriod,
  type ReportPeriod,
  type ReportPeriodKind,
} from '../../../shared/kpi/report-periods';
import { readOnly, type TreuDatabase } from '../../storage/database';
import { readMeta } from '../../storage/meta';

export interface LoadedReport {
  readonly period: ReportPeriod;
  readonly storeName: string;
  readonly report: KpiReport;
  /** Staff id → name, removed staff included (their events still name them). */
  readonly names: ReadonlyMap<string, string>;
}

export async function loadReport(
  db: TreuDatabase,
  kind: ReportPeriodKind,
  nowMs: number = Date.now(),
  timeZone: string = KPI_DEFAULTS.timeZone,
): Promise<LoadedReport> {
  const { rows, staff, identity } = await readOnly(db, async (tx) => ({
    rows: await tx.events.toArray(),
    staff: await tx.staff.toArray(),
    identity: await readMeta(tx, 'identity'),
  }));
  const period = reportPeriod(kind, nowMs, timeZone);
  const report = computeKpis(
    rows.map((row) => row.event),
    period,
    // A terminal reports on its own store; pulled events of the tenant's other stores stay out.
    identity ? { timeZone, store: identity.store } : { timeZone },
  );
  return {
    period,
    storeName: identity?.storeName ?? '',
    report,
    names: new Map(staff.map((row) => [row.id, row.name])),
  };
}
