/** The manager's staff screen. */
import { useI18n } from '../../i18n/i18n';

export function StaffScreen() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="staff-heading">
      <h2 id="staff-heading">{t.staff.title}</h2>
    </section>
  );
}
