/** The status bar: online or offline, events not yet synced, the last sync. Wired to real state. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTerminal } from '../app/terminal-context';
import { useI18n } from '../i18n/i18n';
import { describeSyncProblem } from '../i18n/describe';
import { readMeta } from '../storage/meta';

export function StatusBar() {
  const { t, language } = useI18n();
  const { db, online } = useTerminal();
  const pending = useLiveQuery(() => db.events.where('pending').equals(1).count(), [db]);
  const sync = useLiveQuery(() => readMeta(db, 'sync'), [db]);
  const identity = useLiveQuery(() => readMeta(db, 'identity'), [db]);
  const server = useLiveQuery(() => readMeta(db, 'server'), [db]);
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
      {identity && <span className="status-store">{identity.storeName}</span>}
    </footer>
  );
}
