/**
 * The live preview beside the editor: the manager sets up a member and a purchase, and
 * reads what the counter would do under the rules as the form has them now.
 */
import { useState } from 'react';
import type { ProgramRules } from '../../../shared/rules/program-schema';
import { useI18n } from '../../i18n/i18n';
import { parseCents, parseNumber } from './program-form';
import { describePreview, previewPurchase, type PreviewScenario } from './preview';
import { instantOfLocal, localOfInstant } from './zoned-time';

interface ScenarioForm {
  readonly balance: string;
  readonly items: string;
  readonly amount: string;
  readonly at: string;
  readonly stampsToday: string;
  readonly secondsSinceStamp: string;
  readonly daysSinceVisit: string;
  readonly birthdayToday: boolean;
}

const isWhole = (n: number | undefined): n is number =>
  n !== undefined && Number.isInteger(n) && n >= 0;

/** The scenario the form describes, or undefined when a field is not a usable figure. */
function scenarioOf(form: ScenarioForm, timeZone: string): PreviewScenario | undefined {
  const balance = parseNumber(form.balance);
  const items = parseNumber(form.items);
  const amountCents = parseCents(form.amount);
  const stampsToday = parseNumber(form.stampsToday) ?? 0;
  const seconds = parseNumber(form.secondsSinceStamp);
  const days = parseNumber(form.daysSinceVisit);
  const atMs = instantOfLocal(form.at, timeZone);
  if (!isWhole(balance) || !isWhole(items) || !isWhole(amountCents) || !isWhole(stampsToday)) {
    return undefined;
  }
  if ((seconds !== undefined && !isWhole(seconds)) || (days !== undefined && !isWhole(days))) {
    return undefined;
  }
  if (atMs === undefined) return undefined;
  return {
    balance,
    items,
    amountCents,
    atMs,
    stampsToday,
    secondsSinceStamp: seconds,
    daysSinceVisit: days,
    birthdayToday: form.birthdayToday,
  };
}

function PreviewInput(props: {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly type?: string;
  readonly hint?: string;
  readonly inputMode?: 'numeric' | 'decimal';
}) {
  return (
    <div className="program-field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type={props.type ?? 'text'}
        inputMode={props.type ? undefined : (props.inputMode ?? 'numeric')}
        className={props.type ? undefined : 'short'}
        value={props.value}
        autoComplete="off"
        aria-describedby={props.hint ? `${props.id}-hint` : undefined}
        onChange={(event) => {
          props.onChange(event.target.value);
        }}
      />
      {props.hint && (
        <span id={`${props.id}-hint`} className="hint">
          {props.hint}
        </span>
      )}
    </div>
  );
}

export function PreviewPanel(props: {
  readonly rules: ProgramRules | undefined;
  readonly timeZone: string;
}) {
  const { t } = useI18n();
  const p = t.programs.preview;
  const { rules, timeZone } = props;
  const [form, setForm] = useState<ScenarioForm>(() => ({
    balance: '9',
    items: '2',
    amount: '12.50',
    at: localOfInstant(Date.now(), timeZone),
    stampsToday: '0',
    secondsSinceStamp: '',
    daysSinceVisit: '',
    birthdayToday: false,
  }));
  const set = (patch: Partial<ScenarioForm>) => {
    setForm((current) => ({ ...current, ...patch }));
  };
  const scenario = scenarioOf(form, timeZone);
  const result =
    rules && scenario
      ? describePreview(rules, scenario, previewPurchase(rules, scenario), t)
      : undefined;

  return (
    <section className="program-preview panel" aria-labelledby="program-preview-heading">
      <h3 id="program-preview-heading">{p.title}</h3>
      <p className="hint">{p.intro}</p>
      <PreviewInput
        id="preview-balance"
        label={p.balance}
        value={form.balance}
        onChange={(balance) => {
          set({ balance });
        }}
      />
      {rules?.earn.per === 'item' && (
        <PreviewInput
          id="preview-items"
          label={p.items}
          value={form.items}
          onChange={(items) => {
            set({ items });
          }}
        />
      )}
      {rules?.earn.per === 'amount' && (
        <PreviewInput
          id="preview-amount"
          label={`${p.amount} (€)`}
          inputMode="decimal"
          value={form.amount}
          onChange={(amount) => {
            set({ amount });
          }}
        />
      )}
      <PreviewInput
        id="preview-at"
        label={p.at}
        type="datetime-local"
        value={form.at}
        onChange={(at) => {
          set({ at });
        }}
      />
      <PreviewInput
        id="preview-stamps-today"
        label={p.stampsToday}
        value={form.stampsToday}
        onChange={(stampsToday) => {
          set({ stampsToday });
        }}
      />
      <PreviewInput
        id="preview-seconds-since"
        label={p.secondsSinceStamp}
        hint={p.secondsSinceHint}
        value={form.secondsSinceStamp}
        onChange={(secondsSinceStamp) => {
          set({ secondsSinceStamp });
        }}
      />
      <PreviewInput
        id="preview-days-since"
        label={p.daysSinceVisit}
        value={form.daysSinceVisit}
        onChange={(daysSinceVisit) => {
          set({ daysSinceVisit });
        }}
      />
      <label className="check">
        <input
          type="checkbox"
          checked={form.birthdayToday}
          onChange={(event) => {
            set({ birthdayToday: event.target.checked });
          }}
        />
        {p.birthdayToday}
      </label>
      <div className="preview-outcome" aria-live="polite" data-testid="program-preview">
        {!rules ? (
          <p>{p.invalidRules}</p>
        ) : !result ? (
          <p>{p.invalidScenario}</p>
        ) : (
          <>
            <p>{result.lead}</p>
            <ul>
              {result.lines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
