/** A new PIN, typed twice: digits only, hidden, with the numeric keypad on a tablet. */
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
