/** The stamp card drawn as one: a row of stamp fields, filled as far as the balance goes. */
import { useI18n } from '../i18n/i18n';

export function StampCard(props: { balance: number; size: number; programName: string }) {
  const { t } = useI18n();
  const { balance, size, programName } = props;
  const filled = Math.max(0, Math.min(balance, size));
  const extra = Math.max(0, balance - size);
  return (
    <figure className="stamp-card" aria-label={t.counter.stampCard(balance, size)} role="img">
      <figcaption>{programName}</figcaption>
      <ol className="stamps" aria-hidden="true">
        {Array.from({ length: size }, (_, i) => (
          <li key={i} className={i < filled ? 'stamp filled' : 'stamp'}>
            {i < filled ? '☕' : i + 1}
          </li>
        ))}
      </ol>
      <p className="stamp-count" aria-hidden="true">
        {balance} / {size}
        {extra > 0 && ` (+${extra})`}
      </p>
    </figure>
  );
}
