/** Sign-in: tap your name, enter your PIN. Wrong PINs count towards the pad's lockout. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { describeSignInRefusal } from '../i18n/describe';
import { useI18n } from '../i18n/i18n';
import type { TreuDatabase } from '../storage/database';
import type { StaffRow } from '../storage/rows';
import { signIn, type Session, type SignInRefusal } from '../terminal/sign-in';
import { PinPad } from '../ui/PinPad';

export function SignInScreen(props: { db: TreuDatabase; onSignedIn: (session: Session) => void }) {
  const { t } = useI18n();
  const staff = useLiveQuery(
    async () =>
      (await props.db.staff.orderBy('id').toArray()).filter((row) => row.removedMs === undefined),
    [props.db],
  );
  const [chosen, setChosen] = useState<StaffRow>();
  const [refusal, setRefusal] = useState<SignInRefusal>();
  const [checking, setChecking] = useState(false);
  const [lockedUntil, setLockedUntil] = useState(0);
  const [, tick] = useState(0);

  const only = staff?.length === 1 ? staff[0] : undefined;
  const person = chosen ?? only;
  const lockedFor = Math.max(0, Math.ceil((lockedUntil - Date.now()) / 1000));

  useEffect(() => {
    if (lockedFor <= 0) return undefined;
    const timer = setInterval(() => {
      tick((n) => n + 1);
    }, 1000);
    return () => {
      clearInterval(timer);
    };
  }, [lockedFor]);

  const submit = async (pin: string) => {
    if (!person) return;
    setChecking(true);
    const result = await signIn(props.db, person.id, pin);
    setChecking(false);
    if (result.ok) {
      props.onSignedIn(result.value);
      return;
    }
    setRefusal(result.error);
    const wait =
      result.error.code === 'locked' || result.error.code === 'wrong_pin'
        ? result.error.waitSeconds
        : 0;
    if (wait > 0) setLockedUntil(Date.now() + wait * 1000);
  };

  const message =
    lockedFor > 0
      ? t.signIn.errors.locked(lockedFor)
      : // A lock whose countdown has run out is no longer worth a word.
        refusal && refusal.code !== 'locked'
        ? describeSignInRefusal(t, refusal)
        : undefined;

  return (
    <main className="screen narrow">
      <h1>{t.signIn.title}</h1>
      {!person && (
        <section aria-labelledby="who">
          <h2 id="who">{t.signIn.whoAreYou}</h2>
          <ul className="staff-list">
            {(staff ?? []).map((member) => (
              <li key={member.id}>
                <button
                  type="button"
                  className="big"
                  onClick={() => {
                    setChosen(member);
                    setRefusal(undefined);
                  }}
                >
                  {member.name}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {person && (
        <section aria-labelledby="pin-for">
          <h2 id="pin-for">{t.signIn.enterPin(person.name)}</h2>
          <PinPad
            label={t.signIn.enterPin(person.name)}
            disabled={checking || lockedFor > 0}
            onSubmit={(pin) => void submit(pin)}
          />
          {checking && <p aria-live="polite">{t.signIn.checking}</p>}
          {message && (
            <p role="alert" className="error">
              {message}
            </p>
          )}
          {!only && (
            <button
              type="button"
              className="link"
              onClick={() => {
                setChosen(undefined);
              }}
            >
              {t.signIn.other}
            </button>
          )}
        </section>
      )}
    </main>
  );
}
