/**
 * Settings → This desktop terminal: the card reader, the window, updates, the card
 * printer and the app, through the Electron bridge. A browser or a tablet has no bridge,
 * and then this section is not there at all. Everyone sees the states; only a manager
 * changes them.
 */
import { hasBridge } from '../app/desktop-bridge';
import { useTerminal } from '../app/terminal-context';
import { useI18n } from '../i18n/i18n';
import { AppSettings } from './desktop/AppSettings';
import { PrinterSettings } from './desktop/PrinterSettings';
import { ReaderSettings } from './desktop/ReaderSettings';
import { UpdateSettings } from './desktop/UpdateSettings';
import { WindowModeSettings } from './desktop/WindowModeSettings';
import './desktop/desktop-settings.css';

export function DesktopSettings() {
  const { t } = useI18n();
  const { session } = useTerminal();
  if (!hasBridge()) return null;
  const canChange = session.role === 'manager';
  return (
    <section
      aria-labelledby="desktop-heading"
      className="desktop-settings"
      data-testid="desktop-settings"
    >
      <h2 id="desktop-heading">{t.desktop.heading}</h2>
      {!canChange && <p>{t.desktop.managerOnly}</p>}
      <ReaderSettings canChange={canChange} />
      <WindowModeSettings canChange={canChange} />
      <UpdateSettings canChange={canChange} />
      <PrinterSettings canChange={canChange} />
      <AppSettings canChange={canChange} />
    </section>
  );
}
