/**
 * The terminal app: first run when the terminal is new, sign-in, then the shell. The
 * language comes from the terminal's settings, or from the browser before there are any.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { browserLanguage, I18nProvider, useI18n, type Language } from '../i18n/i18n';
import type { TreuDatabase } from '../storage/database';
import { readMeta, writeMeta } from '../storage/meta';
import type { Session } from '../terminal/sign-in';
import { AnnouncerProvider } from '../ui/Announcer';
import { UpdatePrompt } from '../pwa/UpdatePrompt';
import { FirstRunScreen } from '../screens/FirstRunScreen';
import { SignInScreen } from '../screens/SignInScreen';
import { requestPersistentStorage } from './storage-persistence';
import { Shell } from './Shell';
import { useEnrolFromAddress } from './enrol-from-address';
import { SyncProvider } from './sync-context';
import { TerminalProvider } from './terminal-context';

function Loading() {
  const { t } = useI18n();
  return (
    <main className="screen narrow" aria-busy="true">
      <p>{t.app.loading}</p>
    </main>
  );
}

export function App(props: { db: TreuDatabase }) {
  const { db } = props;
  const identity = useLiveQuery(async () => (await readMeta(db, 'identity')) ?? null, [db]);
  const settings = useLiveQuery(() => readMeta(db, 'settings'), [db]);
  const server = useLiveQuery(async () => (await readMeta(db, 'server')) ?? null, [db]);
  useEnrolFromAddress(db, Boolean(identity), server === undefined ? undefined : server !== null);
  // A language chosen here shows at once; the stored setting follows a moment later.
  const [chosenLanguage, setChosenLanguage] = useState<Language>();
  const [session, setSession] = useState<Session>();
  const language = chosenLanguage ?? settings?.language ?? browserLanguage();

  useEffect(() => {
    void requestPersistentStorage();
  }, []);

  const setLanguage = (next: Language) => {
    setChosenLanguage(next);
    if (settings) void writeMeta(db, 'settings', { ...settings, language: next });
  };

  return (
    <I18nProvider language={language} setLanguage={setLanguage}>
      <AnnouncerProvider>
        <SyncProvider db={db}>
          {identity === undefined && <Loading />}
          {identity === null && <FirstRunScreen db={db} onDone={setSession} />}
          {identity && !session && <SignInScreen db={db} onSignedIn={setSession} />}
          {identity && session && (
            <TerminalProvider
              db={db}
              session={session}
              signOut={() => {
                setSession(undefined);
              }}
            >
              <Shell />
            </TerminalProvider>
          )}
        </SyncProvider>
        <UpdatePrompt />
      </AnnouncerProvider>
    </I18nProvider>
  );
}
