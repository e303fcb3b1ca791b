/** The manager's dayEnd screen. */
import { useI18n } from '../../i18n/i18n';

export function DayEndScreen() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="day-end-heading">
      <h2 id="day-end-heading">{t.dayEnd.title}</h2>
    </section>
  );
}
