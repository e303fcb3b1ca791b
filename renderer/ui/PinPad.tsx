/** A PIN pad for touch and keyboard: big digit keys, and the digits typed on a keyboard too. */
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { PIN_LENGTH } from '../terminal/pin';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

export function PinPad(props: {
  label: string;
  disabled?: boolean;
  onSubmit: (pin: string) => void;
}) {
  const { t } = useI18n();
  const [pin, setPin] = useState('');
  const { disabled = false, onSubmit } = props;
  const add = (digit: string) => {
    setPin((current) => (current.length < PIN_LENGTH.max ? current + digit : current));
  };
  const submit = () => {
    if (pin.length === 0 || disabled) return;
    onSubmit(pin);
    setPin('');
  };
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (disabled || event.target instanceof HTMLInputElement) return;
      if (/^\d$/u.test(event.key)) add(event.key);
      else if (event.key === 'Backspace') setPin((current) => current.slice(0, -1));
      else if (event.key === 'Enter') submit();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
    };
  });
  return (
    <div className="pin-pad" role="group" aria-label={props.label}>
      <output className="pin-dots" aria-live="polite" aria-label={t.pinPad.entered(pin.length)}>
        {'●'.repeat(pin.length) || '\u00a0'}
      </output>
      <div className="pin-keys">
        {DIGITS.map((digit) => (
          <button
            key={digit}
            type="button"
            disabled={disabled}
            aria-label={t.pinPad.digit(digit)}
            onClick={() => {
              add(digit);
            }}
          >
            {digit}
          </button>
        ))}
        <button
          type="button"
          disabled={disabled}
          aria-label={t.pinPad.delete}
          onClick={() => {
            setPin((current) => current.slice(0, -1));
          }}
        >
          ⌫
        </button>
        <button
          type="button"
          disabled={disabled}
          aria-label={t.pinPad.digit('0')}
          onClick={() => {
            add('0');
          }}
        >
          0
        </button>
        <button type="button" className="primary" disabled={disabled} onClick={submit}>
          {t.pinPad.ok}
        </button>
      </div>
    </div>
  );
}
