/**
 * The printer member cards go to, remembered in the terminal's settings: a card printer
 * need not be the system's default (which may print receipts or A4).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { z } from 'zod';
import { useBridgeQuery } from '../../app/desktop-bridge';
import { useTerminal } from '../../app/terminal-context';
import { describeBridgeProblem } from '../../i18n/describe-desktop';
import { useI18n } from '../../i18n/i18n';
import { readMeta, writeMeta } from '../../storage/meta';

const printersSchema = z.array(z.string().min(1).max(200));

export function PrinterSettings(props: { canChange: boolean }) {
  const { t } = useI18n();
  const words = t.desktop.printer;
  const { db } = useTerminal();
  const settings = useLiveQuery(() => readMeta(db, 'settings'), [db]);
  const printers = useBridgeQuery('printer', 'list', printersSchema);
  const names = printers.outcome?.ok ? printers.outcome.value : [];
  const chosen = settings?.cardPrinter;
  // A remembered printer that is switched off now stays chosen, and visible as such.
  const options = chosen !== undefined && !names.includes(chosen) ? [...names, chosen] : names;

  return (
    <section aria-labelledby="desktop-printer-heading">
      <h3 id="desktop-printer-heading">{words.heading}</h3>
      <label className="field">
        <span>{words.label}</span>
        <select
          value={chosen ?? ''}
          disabled={!props.canChange || !settings || printers.loading}
          onChange={(event) => {
            const name = event.target.value;
            if (settings)
              void writeMeta(db, 'settings', {
                ...settings,
                cardPrinter: name === '' ? undefined : name,
              });
          }}
        >
          <option value="">{words.systemDefault}</option>
          {options.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      {printers.outcome?.ok && names.length === 0 && <p>{words.none}</p>}
      {printers.outcome && !printers.outcome.ok && (
        <p className="error" role="alert">
          {describeBridgeProblem(t, printers.outcome.problem, printers.outcome.detail)}
        </p>
      )}
    </section>
  );
}
