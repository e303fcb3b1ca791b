/** The manager's programs screen. */
import { useI18n } from '../../i18n/i18n';

export function ProgramsScreen() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="programs-heading">
      <h2 id="programs-heading">{t.programs.title}</h2>
    </section>
  );
}
