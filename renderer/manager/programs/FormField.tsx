/**
 * One labelled input of the program editor, with its unit, an optional hint and the
 * problem with its value in words, tied to the input for screen readers. Numbers are
 * typed as text (inputMode brings up the number pad on a tablet), so whatever was typed
 * stays on screen and its problem can be named.
 */
import type { HTMLInputTypeAttribute } from 'react';

/** Problems by field path (`rules.rewards.1.cost`), as validation-words.ts words them. */
export type ErrorsByPath = ReadonlyMap<string, string>;

/** The input's id for a field path: the summary focuses it. */
export const fieldId = (path: string) => `program-${path.replace(/\./gu, '-')}`;

export function FormField(props: {
  readonly path: string;
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly errors: ErrorsByPath;
  readonly unit?: string | undefined;
  readonly hint?: string | undefined;
  readonly kind?: 'whole' | 'decimal' | 'text';
  readonly type?: HTMLInputTypeAttribute;
  readonly maxLength?: number;
}) {
  const { path, label, value, onChange, errors, unit, hint, kind = 'whole' } = props;
  const id = fieldId(path);
  const error = errors.get(path);
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div className={error ? 'program-field invalid' : 'program-field'}>
      <label htmlFor={id}>{label}</label>
      <span className="program-input">
        <input
          id={id}
          type={props.type ?? 'text'}
          inputMode={kind === 'whole' ? 'numeric' : kind === 'decimal' ? 'decimal' : undefined}
          className={kind === 'text' ? undefined : 'short'}
          value={value}
          maxLength={props.maxLength}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={described || undefined}
          onChange={(event) => {
            onChange(event.target.value);
          }}
        />
        {unit && <span className="unit">{unit}</span>}
      </span>
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} className="error field-error">
          {error}
        </span>
      )}
    </div>
  );
}

/** A problem with a whole list or list item (no single input to sit beside). */
export function GroupError(props: { readonly path: string; readonly errors: ErrorsByPath }) {
  const error = props.errors.get(props.path);
  return error ? (
    <p id={`${fieldId(props.path)}-error`} className="error field-error" tabIndex={-1}>
      {error}
    </p>
  ) : null;
}
