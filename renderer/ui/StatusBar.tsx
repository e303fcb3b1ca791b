/**
 * The status bar: online or offline, events not yet synced, the last sync; in the desktop
 * terminal also the card reader and an update under way. Wired to real state.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useSync } from '../app/sync-context';
import { useTerminal } from '../app/terminal-context';
import { useI18n } from '../i18n/i18n';
import { describeSyncProblem } from '../i18n/describe';
import { readMeta } from '../storage/meta';
import { useReaderStatus, useUpdaterStatus } from '../app/desktop-bridge';
import { describeReaderStatus, updaterStatusForCashier } from '../i18n/describe-desktop';

export function StatusBar() {
  const { t, language } = useI18n();
  const { db, online } = useTerminal();
  const pending = useSync().pendingEvents;
  const sync = useLiveQuery(() => readMeta(db, 'sync'), [db]);
  const identity = useLiveQuery(() => readMeta(db, 'identity'), [db]);
  const server = useLiveQuery(() => readMeta(db, 'server'), [db]);
  const reader = useReaderStatus();
  const update = useUpdaterStatus();
  const updateLine = update && updaterStatusForCashier(t, update);
  const lastSync = !server
    ? t.status.neverSynced
    : sync?.lastSyncMs === undefined
      ? t.status.notSyncedYet
      : t.status.lastSync(new Date(sync.lastSyncMs).toLocaleString(language));
  return (
    <footer className="status-bar" aria-label={t.status.label}>
      <span className={online ? 'status online' : 'status offline'} data-testid="status-online">
        {online ? t.status.online : t.status.offline}
      </span>
      <span data-testid="status-pending">
        {pending === undefined ? '…' : t.status.pending(pending)}
      </span>
      <span data-testid="status-last-sync">{lastSync}</span>
      {sync?.lastError && (
        <span className="status problem" data-testid="status-problem" role="status">
          {t.status.syncProblem(describeSyncProblem(t, sync.lastError))}
        </span>
      )}
      {reader && (
        <span
          className={reader.state === 'error' ? 'status problem' : 'status'}
          data-testid="status-reader"
          role={reader.state === 'error' ? 'status' : undefined}
        >
          {describeReaderStatus(t, reader)}
        </span>
      )}
      {updateLine && (
        <span className="status" data-testid="status-update">
          {updateLine}
        </span>
      )}
      {identity && <span className="status-store">{identity.storeName}</span>}
    </footer>
  );
}
