/** Every redemption in the period that overdrew a balance, across the stores. */
import type { HqOverdraft } from '../../shared/sync/reports-protocol';
import { useI18n } from '../i18n/i18n';
import { formatCount, formatTime } from './format';

export function OverdraftsSection(props: { overdrafts: readonly HqOverdraft[] }) {
  const { t, language } = useI18n();
  return (
    <section aria-labelledby="hq-overdrafts-title">
      <h2 id="hq-overdrafts-title">{t.hq.overdrafts.title}</h2>
      {props.overdrafts.length === 0 ? (
        <p>{t.hq.overdrafts.empty}</p>
      ) : (
        <div className="hq-table-wrap">
          <table className="hq-table">
            <thead>
              <tr>
                <th scope="col">{t.hq.overdrafts.when}</th>
                <th scope="col">{t.hq.overdrafts.store}</th>
                <th scope="col">{t.hq.overdrafts.terminal}</th>
                <th scope="col">{t.hq.overdrafts.member}</th>
                <th scope="col">{t.hq.overdrafts.reward}</th>
                <th scope="col">{t.hq.overdrafts.balanceBefore}</th>
              </tr>
            </thead>
            <tbody>
              {props.overdrafts.map((item) => (
                <tr key={item.id}>
                  <td>{formatTime(language, item.atMs)}</td>
                  <td>{item.storeName}</td>
                  <td>{item.terminalName}</td>
                  <td>{item.memberName ?? item.member}</td>
                  <td>{item.reward}</td>
                  <td>{formatCount(language, item.balanceBefore)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
