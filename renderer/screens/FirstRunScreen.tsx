/** First run: name the store, create the manager with a PIN, choose the language. */
import { useState, type SubmitEvent } from 'react';
import { LANGUAGES, messagesOf, useI18n, type Language } from '../i18n/i18n';
import type { TreuDatabase } from '../storage/database';
import { setUpTerminal, type FirstRunError } from '../terminal/first-run';
import type { Session } from '../terminal/sign-in';

type FormError = FirstRunError['code'] | 'pin_mismatch';

export function FirstRunScreen(props: { db: TreuDatabase; onDone: (session: Session) => void }) {
  const { t, language, setLanguage } = useI18n();
  const [storeName, setStoreName] = useState('');
  const [managerName, setManagerName] = useState('');
  const [pin, setPin] = useState('');
  const [pinAgain, setPinAgain] = useState('');
  const [error, setError] = useState<FormError>();
  const [working, setWorking] = useState(false);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (pin !== pinAgain) {
      setError('pin_mismatch');
      return;
    }
    setWorking(true);
    setError(undefined);
    const result = await setUpTerminal(props.db, {
      storeName,
      managerName,
      managerPin: pin,
      language,
    });
    setWorking(false);
    if (result.ok) props.onDone(result.value);
    else setError(result.error.code);
  };

  return (
    <main className="screen narrow">
      <h1>{t.firstRun.title}</h1>
      <p>{t.firstRun.intro}</p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <label className="field">
          <span>{t.firstRun.language}</span>
          <select
            value={language}
            onChange={(event) => {
              setLanguage(event.target.value === 'de' ? 'de' : 'en');
            }}
          >
            {LANGUAGES.map((code: Language) => (
              <option key={code} value={code}>
                {messagesOf(code).languageName}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t.firstRun.storeName}</span>
          <input
            value={storeName}
            maxLength={80}
            autoComplete="organization"
            required
            onChange={(event) => {
              setStoreName(event.target.value);
            }}
          />
        </label>
        <label className="field">
          <span>{t.firstRun.managerName}</span>
          <input
            value={managerName}
            maxLength={60}
            autoComplete="name"
            required
            onChange={(event) => {
              setManagerName(event.target.value);
            }}
          />
        </label>
        <label className="field">
          <span>{t.firstRun.pin}</span>
          <input
            type="password"
            inputMode="numeric"
            autoComplete="new-password"
            value={pin}
            maxLength={8}
            onChange={(event) => {
              setPin(event.target.value.replace(/\D/gu, ''));
            }}
          />
        </label>
        <label className="field">
          <span>{t.firstRun.pinAgain}</span>
          <input
            type="password"
            inputMode="numeric"
            autoComplete="new-password"
            value={pinAgain}
            maxLength={8}
            onChange={(event) => {
              setPinAgain(event.target.value.replace(/\D/gu, ''));
            }}
          />
        </label>
        {error && (
          <p role="alert" className="error">
            {t.firstRun.errors[error]}
          </p>
        )}
        <button type="submit" className="primary big" disabled={working}>
          {working ? t.firstRun.working : t.firstRun.submit}
        </button>
      </form>
    </main>
  );
}
