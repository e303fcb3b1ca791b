/** The program editor's tiers: the window they count in, and each level added and removed. */
import { useI18n } from '../../i18n/i18n';
import { FormField, GroupError } from './FormField';
import { replaced, without } from './list-edits';
import { newTier, type TierForm } from './program-form';
import { Section, type SectionProps } from './ProgramSections';

export function TiersSection({ form, update, errors }: SectionProps) {
  const { t } = useI18n();
  const f = t.programs.fields;
  const set = (index: number, patch: Partial<TierForm>) => {
    update({ tiers: replaced(form.tiers, index, patch) });
  };
  return (
    <Section title={t.programs.sections.tiers}>
      <FormField
        path="rules.tiers.windowDays"
        label={f.tierWindowDays}
        unit={t.programs.units.days}
        hint={f.tierWindowHint}
        value={form.tierWindowDays}
        errors={errors}
        onChange={(tierWindowDays) => {
          update({ tierWindowDays });
        }}
      />
      <GroupError path="rules.tiers.levels" errors={errors} />
      {form.tiers.length === 0 && <p className="hint">{f.noTiers}</p>}
      {form.tiers.map((tier, index) => {
        const path = `rules.tiers.levels.${index}`;
        const title = f.tier(index + 1);
        return (
          <fieldset key={tier.key} className="program-item">
            <legend>{title}</legend>
            <div className="program-pair">
              <FormField
                path={`${path}.name`}
                label={f.tierName}
                kind="text"
                maxLength={40}
                value={tier.name}
                errors={errors}
                onChange={(name) => {
                  set(index, { name });
                }}
              />
              <FormField
                path={`${path}.minStamps`}
                label={f.tierMinStamps}
                unit={t.programs.units.stamps}
                value={tier.minStamps}
                errors={errors}
                onChange={(minStamps) => {
                  set(index, { minStamps });
                }}
              />
            </div>
            <button
              type="button"
              className="secondary"
              aria-label={t.programs.editor.removeNamed(title)}
              onClick={() => {
                update({ tiers: without(form.tiers, index) });
              }}
            >
              {t.programs.editor.remove}
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        disabled={form.tiers.length >= 10}
        onClick={() => {
          const n = form.tiers.length;
          update({
            tiers: [...form.tiers, newTier(t.programs.editor.defaultTier(n), (n + 1) * 50)],
          });
        }}
      >
        {f.addTier}
      </button>
    </Section>
  );
}
