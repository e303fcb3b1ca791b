/** The manager's reports screen. */
import { useI18n } from '../../i18n/i18n';

export function ReportsScreen() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="reports-heading">
      <h2 id="reports-heading">{t.reports.title}</h2>
    </section>
  );
}
