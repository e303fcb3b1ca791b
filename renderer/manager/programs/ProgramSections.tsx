/**
 * The program editor's sections of single fields: name and time zone, earning, caps,
 * expiry, bonuses, cooldown and undo, offline limits. The lists are in files of their
 * own: RewardsSection.tsx, CampaignsSection.tsx, TiersSection.tsx.
 */
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n';
import { FormField, type ErrorsByPath } from './FormField';
import type { EarnPer, ProgramForm } from './program-form';

export interface SectionProps {
  readonly form: ProgramForm;
  readonly update: (patch: Partial<ProgramForm>) => void;
  readonly errors: ErrorsByPath;
}

export function Section(props: { readonly title: string; readonly children: ReactNode }) {
  return (
    <fieldset className="program-section">
      <legend>{props.title}</legend>
      {props.children}
    </fieldset>
  );
}

const PER: readonly EarnPer[] = ['visit', 'item', 'amount'];

export function GeneralSection({ form, update, errors }: SectionProps) {
  const { t } = useI18n();
  const f = t.programs.fields;
  return (
    <Section title={t.programs.sections.general}>
      <FormField
        path="name"
        label={f.name}
        kind="text"
        maxLength={80}
        value={form.name}
        errors={errors}
        onChange={(name) => {
          update({ name });
        }}
      />
      <FormField
        path="rules.timeZone"
        label={f.timeZone}
        kind="text"
        hint={f.timeZoneHint}
        value={form.timeZone}
        errors={errors}
        onChange={(timeZone) => {
          update({ timeZone });
        }}
      />
    </Section>
  );
}

export function EarningSection({ form, update, errors }: SectionProps) {
  const { t } = useI18n();
  const f = t.programs.fields;
  return (
    <Section title={t.programs.sections.earning}>
      <fieldset className="choice">
        <legend>{f.earnPer}</legend>
        {PER.map((per) => (
          <label key={per} className="check">
            <input
              type="radio"
              name="earn-per"
              value={per}
              checked={form.earnPer === per}
              onChange={() => {
                update({ earnPer: per });
              }}
            />
            {f.per[per]}
          </label>
        ))}
      </fieldset>
      <FormField
        path="rules.earn.stamps"
        label={f.earnStamps[form.earnPer]}
        unit={t.programs.units.stamps}
        value={form.earnStamps}
        errors={errors}
        onChange={(earnStamps) => {
          update({ earnStamps });
        }}
      />
      {form.earnPer === 'amount' && (
        <FormField
          path="rules.earn.amountCents"
          label={f.earnAmount}
          unit={t.programs.units.euros}
          kind="decimal"
          value={form.earnAmount}
          errors={errors}
          onChange={(earnAmount) => {
            update({ earnAmount });
          }}
        />
      )}
    </Section>
  );
}

export function CapsSection({ form, update, errors }: SectionProps) {
  const { t } = useI18n();
  const f = t.programs.fields;
  const u = t.programs.units;
  return (
    <Section title={t.programs.sections.caps}>
      <p className="hint">{f.capsHint}</p>
      <FormField
        path="rules.caps.perTransaction"
        label={f.capPerTransaction}
        unit={u.stamps}
        value={form.capPerTransaction}
        errors={errors}
        onChange={(capPerTransaction) => {
          update({ capPerTransaction });
        }}
      />
      <FormField
        path="rules.caps.perDay"
        label={f.capPerDay}
        unit={u.stamps}
        value={form.capPerDay}
        errors={errors}
        onChange={(capPerDay) => {
          update({ capPerDay });
        }}
      />
    </Section>
  );
}

export function ExpirySection({ form, update, errors }: SectionProps) {
  const { t } = useI18n();
  const f = t.programs.fields;
  return (
    <Section title={t.programs.sections.expiry}>
      <p className="hint">{f.expiryHint}</p>
      <FormField
        path="rules.expiry.inactivityDays"
        label={f.inactivityDays}
        unit={t.programs.units.days}
        value={form.inactivityDays}
        errors={errors}
        onChange={(inactivityDays) => {
          update({ inactivityDays });
        }}
      />
      <FormField
        path="rules.expiry.endsOn"
        label={f.endsOn}
        kind="text"
        type="date"
        value={form.endsOn}
        errors={errors}
        onChange={(endsOn) => {
          update({ endsOn });
        }}
      />
    </Section>
  );
}

export function BonusesSection({ form, update, errors }: SectionProps) {
  const { t } = useI18n();
  const f = t.programs.fields;
  const stamps = t.programs.units.stamps;
  const field = (
    key: 'welcome' | 'birthday' | 'referrer' | 'referee',
    path: string,
    label: string,
  ) => (
    <FormField
      path={path}
      label={label}
      unit={stamps}
      value={form[key]}
      errors={errors}
      onChange={(value) => {
        update({ [key]: value });
      }}
    />
  );
  return (
    <Section title={t.programs.sections.bonuses}>
      {field('welcome', 'rules.bonuses.welcome', f.welcome)}
      {field('birthday', 'rules.bonuses.birthday', f.birthday)}
      {field('referrer', 'rules.bonuses.referral.referrer', f.referrer)}
      {field('referee', 'rules.bonuses.referral.referee', f.referee)}
    </Section>
  );
}

export function SafeguardsSection({ form, update, errors }: SectionProps) {
  const { t } = useI18n();
  const f = t.programs.fields;
  return (
    <Section title={t.programs.sections.safeguards}>
      <FormField
        path="rules.cooldownSeconds"
        label={f.cooldownSeconds}
        unit={t.programs.units.seconds}
        value={form.cooldownSeconds}
        errors={errors}
        onChange={(cooldownSeconds) => {
          update({ cooldownSeconds });
        }}
      />
      <FormField
        path="rules.undoWindowSeconds"
        label={f.undoWindowSeconds}
        unit={t.programs.units.seconds}
        value={form.undoWindowSeconds}
        errors={errors}
        onChange={(undoWindowSeconds) => {
          update({ undoWindowSeconds });
        }}
      />
    </Section>
  );
}

export function OfflineSection({ form, update, errors }: SectionProps) {
  const { t } = useI18n();
  const f = t.programs.fields;
  return (
    <Section title={t.programs.sections.offline}>
      <p className="hint">{f.offlineHint}</p>
      <FormField
        path="rules.offline.redemptionsPerDay"
        label={f.offlineRedemptionsPerDay}
        unit={t.programs.units.redemptions}
        value={form.offlineRedemptionsPerDay}
        errors={errors}
        onChange={(offlineRedemptionsPerDay) => {
          update({ offlineRedemptionsPerDay });
        }}
      />
      <FormField
        path="rules.offline.maxRedeemCostOffline"
        label={f.maxRedeemCostOffline}
        unit={t.programs.units.stamps}
        value={form.maxRedeemCostOffline}
        errors={errors}
        onChange={(maxRedeemCostOffline) => {
          update({ maxRedeemCostOffline });
        }}
      />
    </Section>
  );
}
