/**
 * The KPI reports of a tenant's kept fold, kept with it until it changes. A dashboard
 * load asks for one period's reports twice at once (the KPIs of the tenant and every
 * store, and the overdrafts), and a load with nothing new asks for the ones made before;
 * each walk over a million events takes about a second. A fold only ever grows, so its
 * number of events tells whether reports made from it still hold.
 */
import { kpisOfStores } from '../../shared/kpi/compute-kpis';
import type { KpiReport } from '../../shared/kpi/kpi-report';
import type { Projection } from '../../shared/projection/projection';
import type { ResolvedPeriod } from '../../shared/sync/reports-protocol';

/** Reports kept of one fold (periods × stores): a bound, should someone try many periods. */
const MAX_REPORTS = 64;

interface FoldReports {
  readonly events: number;
  readonly reports: Map<string, KpiReport>;
}

export interface KpiMemo {
  /** The period's report for each store (`undefined`: all), made in one walk if not kept. */
  reports(
    p: Projection,
    period: ResolvedPeriod,
    stores: readonly (string | undefined)[],
  ): KpiReport[];
}

export function createKpiMemo(): KpiMemo {
  // By fold: a tenant's fold that is dropped takes its reports with it.
  const byFold = new WeakMap<Projection, FoldReports>();
  return {
    reports(p, period, stores) {
      let kept = byFold.get(p);
      if (kept?.events !== p.ordered.length) {
        kept = { events: p.ordered.length, reports: new Map() };
        byFold.set(p, kept);
      }
      const { reports } = kept;
      const key = (store: string | undefined) =>
        `${period.fromMs} ${period.toMs} ${period.timeZone} ${store ?? ''}`;
      const missing = [...new Set(stores.filter((store) => !reports.has(key(store))))];
      if (missing.length > 0) {
        if (reports.size + missing.length > MAX_REPORTS) reports.clear();
        const made = kpisOfStores(p, period, missing, { timeZone: period.timeZone });
        missing.forEach((store, i) => {
          const report = made[i];
          if (report) reports.set(key(store), report);
        });
      }
      return stores.map((store) => {
        const report = reports.get(key(store));
        if (!report) throw new Error(`No KPI report was made for ${store ?? 'the tenant'}.`);
        return report;
      });
    },
  };
}
