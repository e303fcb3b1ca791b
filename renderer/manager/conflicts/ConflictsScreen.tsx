/** The manager's conflicts screen. */
import { useI18n } from '../../i18n/i18n';

export function ConflictsScreen() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="conflicts-heading">
      <h2 id="conflicts-heading">{t.conflicts.title}</h2>
    </section>
  );
}
