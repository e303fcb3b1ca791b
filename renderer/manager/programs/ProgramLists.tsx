/** The program editor's lists: rewards, campaigns and tiers, each item added and removed. */
import { useI18n } from '../../i18n/i18n';
import { FormField, GroupError } from './FormField';
import {
  newCampaign,
  newReward,
  newTier,
  type CampaignForm,
  type RewardForm,
  type RewardKind,
  type TierForm,
} from './program-form';
import { Section, type SectionProps } from './ProgramSections';

const KINDS: readonly RewardKind[] = ['free_item', 'discount'];
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** A list with one item replaced, and one removed. */
const replaced = <T,>(list: readonly T[], index: number, patch: Partial<T>): T[] =>
  list.map((item, i) => (i === index ? { ...item, ...patch } : item));
const without = <T,>(list: readonly T[], index: number): T[] => list.filter((_, i) => i !== index);

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

function CampaignFields(props: {
  readonly campaign: CampaignForm;
  readonly index: number;
  readonly set: (patch: Partial<CampaignForm>) => void;
  readonly remove: () => void;
  readonly errors: SectionProps['errors'];
}) {
  const { t } = useI18n();
  const f = t.programs.fields;
  const u = t.programs.units;
  const { campaign, index, set, errors } = props;
  const path = `rules.campaigns.${index}`;
  const title = f.campaign(index + 1);
  return (
    <fieldset className="program-item">
      <legend>{title}</legend>
      <GroupError path={path} errors={errors} />
      <FormField
        path={`${path}.name`}
        label={f.campaignName}
        kind="text"
        maxLength={80}
        value={campaign.name}
        errors={errors}
        onChange={(name) => {
          set({ name });
        }}
      />
      <FormField
        path={`${path}.multiplier`}
        label={f.multiplier}
        unit={u.times}
        kind="decimal"
        value={campaign.multiplier}
        errors={errors}
        onChange={(multiplier) => {
          set({ multiplier });
        }}
      />
      <div className="program-pair">
        <FormField
          path={`${path}.startsAt`}
          label={`${f.startsAt} (${t.programs.editor.optional})`}
          kind="text"
          type="datetime-local"
          value={campaign.startsAt}
          errors={errors}
          onChange={(startsAt) => {
            set({ startsAt });
          }}
        />
        <FormField
          path={`${path}.endsAt`}
          label={`${f.endsAt} (${t.programs.editor.optional})`}
          kind="text"
          type="datetime-local"
          value={campaign.endsAt}
          errors={errors}
          onChange={(endsAt) => {
            set({ endsAt });
          }}
        />
      </div>
      <div className="program-pair">
        <FormField
          path={`${path}.fromHour`}
          label={f.fromHour}
          unit={u.hour}
          value={campaign.fromHour}
          errors={errors}
          onChange={(fromHour) => {
            set({ fromHour });
          }}
        />
        <FormField
          path={`${path}.toHour`}
          label={f.toHour}
          unit={u.hour}
          value={campaign.toHour}
          errors={errors}
          onChange={(toHour) => {
            set({ toHour });
          }}
        />
      </div>
      <fieldset className="choice weekdays">
        <legend>{f.weekdays}</legend>
        {WEEKDAYS.map((day) => (
          <label key={day} className="check">
            <input
              type="checkbox"
              aria-label={f.weekdayLong[day - 1]}
              checked={campaign.weekdays.includes(day)}
              onChange={(event) => {
                set({
                  weekdays: event.target.checked
                    ? [...campaign.weekdays, day]
                    : campaign.weekdays.filter((d) => d !== day),
                });
              }}
            />
            <span aria-hidden="true">{f.weekday[day - 1]}</span>
          </label>
        ))}
      </fieldset>
      <GroupError path={`${path}.weekdays`} errors={errors} />
      <button
        type="button"
        className="secondary"
        aria-label={t.programs.editor.removeNamed(title)}
        onClick={props.remove}
      >
        {t.programs.editor.remove}
      </button>
    </fieldset>
  );
}

export function CampaignsSection({ form, update, errors }: SectionProps) {
  const { t } = useI18n();
  const f = t.programs.fields;
  return (
    <Section title={t.programs.sections.campaigns}>
      <GroupError path="rules.campaigns" errors={errors} />
      {form.campaigns.length === 0 && <p className="hint">{f.noCampaigns}</p>}
      {form.campaigns.map((campaign, index) => (
        <CampaignFields
          key={campaign.key}
          campaign={campaign}
          index={index}
          errors={errors}
          set={(patch) => {
            update({ campaigns: replaced(form.campaigns, index, patch) });
          }}
          remove={() => {
            update({ campaigns: without(form.campaigns, index) });
          }}
        />
      ))}
      <button
        type="button"
        disabled={form.campaigns.length >= 20}
        onClick={() => {
          update({
            campaigns: [...form.campaigns, newCampaign(t.programs.editor.defaultCampaign)],
          });
        }}
      >
        {f.addCampaign}
      </button>
    </Section>
  );
}

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
