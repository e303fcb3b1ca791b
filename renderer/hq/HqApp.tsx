/** HQ: the franchise owner's view of every store, in a browser, from the server. */
import { useEffect, useState } from 'react';
import { sessionResponseSchema, type SessionResponse } from '../../shared/sync/hq-protocol';
import { browserLanguage, I18nProvider, useI18n, type Language } from '../i18n/i18n';
import { Dashboard } from './Dashboard';
import { hqJson } from './hq-api';
import { LoginForm } from './LoginForm';
import './hq.css';

type SessionState =
  | { readonly kind: 'checking' }
  | { readonly kind: 'signed_out'; readonly notice?: string | undefined }
  | { readonly kind: 'signed_in'; readonly session: SessionResponse };

function HqHome() {
  const { t } = useI18n();
  const [state, setState] = useState<SessionState>({ kind: 'checking' });

  useEffect(() => {
    // A session cookie from earlier may still be good: ask the server, which alone can tell.
    void hqJson(sessionResponseSchema, '/v1/hq/session').then((answer) => {
      setState(answer.ok ? { kind: 'signed_in', session: answer.value } : { kind: 'signed_out' });
    });
  }, []);

  if (state.kind === 'checking') {
    return (
      <main className="screen narrow">
        <h1>{t.hq.title}</h1>
        <p role="status">{t.hq.loading}</p>
      </main>
    );
  }
  if (state.kind === 'signed_out') {
    return (
      <LoginForm
        notice={state.notice}
        onSignedIn={(session) => {
          setState({ kind: 'signed_in', session });
        }}
      />
    );
  }
  return (
    <Dashboard
      session={state.session}
      onSignedOut={(notice) => {
        setState({ kind: 'signed_out', notice });
      }}
    />
  );
}

export function HqApp() {
  const [language, setLanguage] = useState<Language>(browserLanguage);
  return (
    <I18nProvider language={language} setLanguage={setLanguage}>
      <HqHome />
    </I18nProvider>
  );
}
