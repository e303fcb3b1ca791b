/**
 * Settings → Server: enrol this terminal with a server (address, one-time code, a name),
 * or, once enrolled, where it syncs, "sync now" with progress, and the last problem in
 * words. Enrolling is the manager's.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type SubmitEvent } from 'react';
import { useSync } from '../app/sync-context';
import { useTerminal } from '../app/terminal-context';
import { describeSyncProblem } from '../i18n/describe';
import { useI18n } from '../i18n/i18n';
import { readMeta } from '../storage/meta';
import { enrolTerminal } from '../sync/enrol-terminal';

/** Where the terminal was loaded from: the server itself, when the server served it. */
const thisOrigin = () => (typeof location === 'undefined' ? '' : location.origin);

function EnrolForm() {
  const { t } = useI18n();
  const { db } = useTerminal();
  const [server, setServer] = useState(thisOrigin);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  // On success the section shows the connection instead of this form: only errors are said here.
  const [problem, setProblem] = useState<string>();

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(undefined);
    try {
      const result = await enrolTerminal(db, { server, code, name: name.trim() || 'Terminal' });
      if (!result.ok) setProblem(describeSyncProblem(t, result.error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)}>
      <p>{t.sync.notEnrolled}</p>
      <label className="field">
        <span>{t.sync.address}</span>
        <input
          value={server}
          inputMode="url"
          autoComplete="url"
          required
          onChange={(event) => {
            setServer(event.target.value);
          }}
        />
      </label>
      <label className="field">
        <span>{t.sync.code}</span>
        <input
          value={code}
          autoComplete="off"
          autoCapitalize="characters"
          required
          aria-describedby="enrol-code-hint"
          onChange={(event) => {
            setCode(event.target.value);
          }}
        />
      </label>
      <p id="enrol-code-hint" className="hint">
        {t.sync.codeHint}
      </p>
      <label className="field">
        <span>{t.sync.name}</span>
        <input
          value={name}
          maxLength={80}
          onChange={(event) => {
            setName(event.target.value);
          }}
        />
      </label>
      <button type="submit" disabled={busy}>
        {busy ? t.sync.connecting : t.sync.connect}
      </button>
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
    </form>
  );
}

function SyncControls(props: { url: string; store: string }) {
  const { t } = useI18n();
  const sync = useSync();
  const [result, setResult] = useState<string>();
  const syncNow = async () => {
    setResult(undefined);
    const outcome = await sync.syncNow();
    if (!outcome) return;
    setResult(
      outcome.ok
        ? t.sync.synced(outcome.value.pushed, outcome.value.pulled)
        : describeSyncProblem(t, outcome.error),
    );
  };
  return (
    <div>
      <p>{t.sync.connected(props.url, props.store)}</p>
      <button type="button" disabled={sync.busy} onClick={() => void syncNow()}>
        {sync.busy ? t.sync.syncing : t.sync.syncNow}
      </button>
      {sync.busy && sync.progress && (
        <p role="status">{t.sync.progress(sync.progress.pushed, sync.progress.pulled)}</p>
      )}
      {!sync.busy && result && <p role="status">{result}</p>}
    </div>
  );
}

export function ServerSettings() {
  const { t } = useI18n();
  const { db, session } = useTerminal();
  const server = useLiveQuery(async () => (await readMeta(db, 'server')) ?? null, [db]);
  const identity = useLiveQuery(() => readMeta(db, 'identity'), [db]);
  if (server === undefined) return null;
  return (
    <section aria-labelledby="server-heading">
      <h2 id="server-heading">{t.sync.heading}</h2>
      {server ? (
        <SyncControls url={server.url} store={identity?.storeName ?? ''} />
      ) : session.role === 'manager' ? (
        <EnrolForm />
      ) : (
        <p>{t.sync.notEnrolled}</p>
      )}
    </section>
  );
}
