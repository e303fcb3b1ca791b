/** The program editor's campaigns: a multiplier inside a time window, each added and removed. */
import { useI18n } from '../../i18n/i18n';
import { FormField, GroupError } from './FormField';
import { replaced, without } from './list-edits';
import { newCampaign, type CampaignForm } from './program-form';
import { Section, type SectionProps } from './ProgramSections';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

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
