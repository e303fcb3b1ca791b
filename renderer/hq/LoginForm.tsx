/** HQ's sign-in: user name and password; a refusal shown in the page's language. */
import { useState, type SubmitEvent } from 'react';
import { sessionResponseSchema, type SessionResponse } from '../../shared/sync/hq-protocol';
import { useI18n } from '../i18n/i18n';
import { hqJson, type HqFailure } from './hq-api';
import { describeHqFailure } from './hq-errors';
import { LanguagePicker } from './LanguagePicker';

export function LoginForm(props: {
  notice?: string | undefined;
  onSignedIn: (s: SessionResponse) => void;
}) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<HqFailure | undefined>(undefined);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setWorking(true);
    setError(undefined);
    const answer = await hqJson(sessionResponseSchema, '/v1/hq/login', {
      method: 'POST',
      body: { username, password },
    });
    setWorking(false);
    if (answer.ok) {
      props.onSignedIn(answer.value);
      return;
    }
    setPassword('');
    setError(answer.error);
  };

  return (
    <main className="screen narrow hq-login">
      <h1>{t.hq.login.title}</h1>
      <p>{t.hq.login.intro}</p>
      {props.notice && <p role="status">{props.notice}</p>}
      <form onSubmit={(event) => void submit(event)}>
        <label className="field">
          {t.hq.login.username}
          <input
            name="username"
            autoComplete="username"
            value={username}
            required
            onChange={(event) => {
              setUsername(event.target.value);
            }}
          />
        </label>
        <label className="field">
          {t.hq.login.password}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            required
            onChange={(event) => {
              setPassword(event.target.value);
            }}
          />
        </label>
        {error && (
          <p className="error" role="alert">
            {describeHqFailure(error, t.hq)}
          </p>
        )}
        <div className="row">
          <button type="submit" className="primary big" disabled={working}>
            {working ? t.hq.login.working : t.hq.login.submit}
          </button>
        </div>
      </form>
      <LanguagePicker />
    </main>
  );
}
