/**
 * Leaving the customer view takes the signed-in person's PIN, under the pad's lockout:
 * a customer at the screen cannot reach the counter.
 */
import { useState } from 'react';
import { useTerminal } from '../app/terminal-context';
import { describeSignInRefusal } from '../i18n/describe';
import { useI18n } from '../i18n/i18n';
import { signIn } from '../terminal/sign-in';
import { PinPad } from '../ui/PinPad';

export function LeaveCustomerView(props: { onLeave: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const { db, session } = useTerminal();
  const [error, setError] = useState<string>();
  const [checking, setChecking] = useState(false);

  const submit = async (pin: string) => {
    setChecking(true);
    const result = await signIn(db, session.staff, pin);
    setChecking(false);
    if (result.ok) props.onLeave();
    else setError(describeSignInRefusal(t, result.error));
  };

  return (
    <section aria-labelledby="leave-heading" className="leave-kiosk">
      <h2 id="leave-heading">{t.kiosk.leaveTitle}</h2>
      <PinPad
        label={t.kiosk.leavePin(session.name)}
        disabled={checking}
        onSubmit={(pin) => void submit(pin)}
      />
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="button" className="secondary" onClick={props.onCancel}>
        {t.kiosk.leaveCancel}
      </button>
    </section>
  );
}
