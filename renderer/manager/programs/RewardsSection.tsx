/** The program editor's rewards: name, cost, kind and discount of each, added and removed. */
import { useI18n } from '../../i18n/i18n';
import { FormField, GroupError } from './FormField';
import { replaced, without } from './list-edits';
import { newReward, type RewardForm, type RewardKind } from './program-form';
import { Section, type SectionProps } from './ProgramSections';

const KINDS: readonly RewardKind[] = ['free_item', 'discount'];

export function RewardsSection({ form, update, errors }: SectionProps) {
  const { t } = useI18n();
  const f = t.programs.fields;
  const set = (index: number, patch: Partial<RewardForm>) => {
    update({ rewards: replaced(form.rewards, index, patch) });
  };
  return (
    <Section title={t.programs.sections.rewards}>
      <GroupError path="rules.rewards" errors={errors} />
      {form.rewards.map((reward, index) => {
        const path = `rules.rewards.${index}`;
        const title = f.reward(index + 1);
        return (
          <fieldset key={reward.id} className="program-item">
            <legend>{title}</legend>
            <GroupError path={path} errors={errors} />
            <FormField
              path={`${path}.name`}
              label={f.rewardName}
              kind="text"
              maxLength={80}
              value={reward.name}
              errors={errors}
              onChange={(name) => {
                set(index, { name });
              }}
            />
            <FormField
              path={`${path}.cost`}
              label={f.rewardCost}
              unit={t.programs.units.stamps}
              value={reward.cost}
              errors={errors}
              onChange={(cost) => {
                set(index, { cost });
              }}
            />
            <div className="program-field">
              <label htmlFor={`program-reward-kind-${index}`}>{f.rewardKind}</label>
              <select
                id={`program-reward-kind-${index}`}
                value={reward.kind}
                onChange={(event) => {
                  set(index, { kind: event.target.value as RewardKind });
                }}
              >
                {KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {f.kind[kind]}
                  </option>
                ))}
              </select>
            </div>
            {reward.kind === 'discount' && (
              <FormField
                path={`${path}.discountCents`}
                label={f.rewardDiscount}
                unit={t.programs.units.euros}
                kind="decimal"
                value={reward.discount}
                errors={errors}
                onChange={(discount) => {
                  set(index, { discount });
                }}
              />
            )}
            <button
              type="button"
              className="secondary"
              aria-label={t.programs.editor.removeNamed(title)}
              disabled={form.rewards.length <= 1}
              onClick={() => {
                update({ rewards: without(form.rewards, index) });
              }}
            >
              {t.programs.editor.remove}
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        disabled={form.rewards.length >= 20}
        onClick={() => {
          update({ rewards: [...form.rewards, newReward('')] });
        }}
      >
        {f.addReward}
      </button>
    </Section>
  );
}
