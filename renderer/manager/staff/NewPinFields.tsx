/** A new PIN, typed twice: digits only, hidden, with the numeric keypad on a tablet. */
import { useState } from 'react';

const digits = (value: string) => value.replace(/\D/gu, '').slice(0, 8);

function PinField(props: { label: string; value: string; onChange: (pin: string) => void }) {
  return (
    <label className="field">
      <span>{props.label}</span>
      <input
        type="password"
        inputMode="numeric"
        autoComplete="new-password"
        value={props.value}
        onChange={(event) => {
          props.onChange(digits(event.target.value));
        }}
      />
    </label>
  );
}

export function NewPinFields(props: {
  pinLabel: string;
  againLabel: string;
  pin: string;
  again: string;
  onPin: (pin: string) => void;
  onAgain: (pin: string) => void;
}) {
  return (
    <>
      <PinField label={props.pinLabel} value={props.pin} onChange={props.onPin} />
      <PinField label={props.againLabel} value={props.again} onChange={props.onAgain} />
    </>
  );
}

/** The two PIN fields' state, for a form that sets a PIN: whether they agree, and a reset. */
export function useNewPin() {
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  return {
    pin,
    matches: pin === again,
    clear() {
      setPin('');
      setAgain('');
    },
    fields: { pin, again, onPin: setPin, onAgain: setAgain },
  };
}
