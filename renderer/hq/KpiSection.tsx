/** The period's key figures for all stores as cards, and each store's in a table. */
import type { KpiFigures, KpisResponse } from '../../shared/sync/reports-protocol';
import { useI18n } from '../i18n/i18n';
import { formatCount, formatPercent } from './format';

const FIGURES = [
  'membersEnrolled',
  'activeMembers',
  'retentionRate',
  'repeatVisitRate',
  'redemptionRate',
  'stampsEarned',
  'redemptions',
  'overdrafts',
] as const;
type Figure = (typeof FIGURES)[number];
const PERCENT: ReadonlySet<Figure> = new Set([
  'retentionRate',
  'repeatVisitRate',
  'redemptionRate',
]);

function useFigure() {
  const { t, language } = useI18n();
  return (kpis: KpiFigures, figure: Figure) => {
    const value = kpis[figure];
    return PERCENT.has(figure)
      ? formatPercent(language, value, t.hq.kpis.none)
      : formatCount(language, value ?? 0);
  };
}

export function KpiSection(props: { report: KpisResponse }) {
  const { t } = useI18n();
  const show = useFigure();
  const { overall, stores } = props.report;
  return (
    <>
      <section aria-labelledby="hq-kpis-title">
        <h2 id="hq-kpis-title">{t.hq.kpis.title}</h2>
        <dl className="hq-cards">
          {FIGURES.map((figure) => (
            <div key={figure} className="hq-card" data-testid={`kpi-${figure}`}>
              <dt>{t.hq.kpis[figure]}</dt>
              <dd>{show(overall, figure)}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="hq-stores-title">
        <h2 id="hq-stores-title">{t.hq.stores.title}</h2>
        <div className="hq-table-wrap">
          <table className="hq-table">
            <thead>
              <tr>
                <th scope="col">{t.hq.stores.store}</th>
                {FIGURES.map((figure) => (
                  <th key={figure} scope="col">
                    {t.hq.kpis[figure]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {stores.map((store) => (
                <tr key={store.id}>
                  <th scope="row">{store.name}</th>
                  {FIGURES.map((figure) => (
                    <td key={figure}>{show(store.kpis, figure)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
