/**
 * Leaving the customer view takes the signed-in person's PIN, under the pad's lockout:
 * a customer at the screen cannot reach the counter.
 */
import { useState } from 'react';
import { useTerminal } from '../app/terminal-context';
import { useI18n } from '../i18n/i18n';
import { signIn, type SignInRefusal } from '../terminal/sign-in';
import { PinPad } from '../ui/PinPad';

function refusalText(t: ReturnType<typeof useI18n>['t'], refusal: SignInRefusal): string {
  switch (refusal.code) {
    case 'wrong_pin':
      return t.signIn.errors.wrong_pin(refusal.attemptsLeft);
    case 'locked':
      return t.signIn.errors.locked(refusal.waitSeconds);
    case 'pin_format':
      return t.signIn.errors.pin_format;
    case 'unknown_staff':
      return t.signIn.errors.unknown_staff;
  }
}

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
    else setError(refusalText(t, result.error));
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
