/**
 * The editor's checks in words: every kind of problem the program schema finds becomes a
 * sentence in English and German beside its field, and no raw zod message gets through.
 */
import { describe, expect, it } from 'vitest';
import { de } from '../../../../renderer/i18n/de';
import { en } from '../../../../renderer/i18n/en';
import {
  formFromRules,
  newCampaign,
  newProgramForm,
  newReward,
  newTier,
  rulesFromForm,
  type ProgramForm,
} from '../../../../renderer/manager/programs/program-form';
import {
  checkProgramDraft,
  labelOfPath,
  type FieldError,
} from '../../../../renderer/manager/programs/validation-words';
import { coffeeCardRules } from '../../../../shared/rules/program-schema';

const coffee = () => formFromRules('Coffee card', coffeeCardRules);

function problems(form: ProgramForm, words = en.programs): FieldError[] {
  const checked = checkProgramDraft({ name: form.name.trim(), rules: rulesFromForm(form) }, words);
  return checked.ok ? [] : checked.error;
}

const byPath = (errors: readonly FieldError[]) =>
  Object.fromEntries(errors.map((e) => [e.path, e.message]));

/** zod's own wording, which must never reach the screen. */
const RAW_ZOD = /Invalid input|Too small|Too big|expected|received|ISO|IANA|must be a reward id/u;

describe('program validation in words', () => {
  it('takes the coffee card back exactly as it was published', () => {
    const checked = checkProgramDraft(
      { name: 'Coffee card', rules: rulesFromForm(coffee()) },
      en.programs,
    );
    expect(checked).toEqual({ ok: true, value: { name: 'Coffee card', rules: coffeeCardRules } });
  });

  it('accepts a new program’s defaults', () => {
    expect(problems(newProgramForm({ name: 'Tea card', reward: 'Free tea' }))).toEqual([]);
  });

  it('words numbers out of range, missing and not whole, next to their fields', () => {
    const form: ProgramForm = {
      ...coffee(),
      name: ' ',
      earnStamps: '0',
      capPerDay: '20000',
      cooldownSeconds: '2.5',
      welcome: 'many',
      rewards: [{ ...newReward(''), cost: '' }],
    };
    expect(byPath(problems(form))).toEqual({
      name: 'Enter a name.',
      'rules.earn.stamps': 'Enter 1 or more.',
      'rules.caps.perDay': 'Enter 10000 or less.',
      'rules.cooldownSeconds': 'Enter a whole number.',
      'rules.bonuses.welcome': 'Enter a whole number.',
      'rules.rewards.0.name': 'Enter a name.',
      'rules.rewards.0.cost': 'Fill this in.',
    });
    expect(byPath(problems(form, de.programs))).toMatchObject({
      name: 'Bitte einen Namen eingeben.',
      'rules.earn.stamps': 'Bitte 1 oder mehr eingeben.',
      'rules.rewards.0.cost': 'Bitte ausfüllen.',
    });
  });

  it('words money in euros, and campaigns, dates, time zones and lists', () => {
    const form: ProgramForm = {
      ...coffee(),
      timeZone: 'Mars/Olympus',
      earnPer: 'amount',
      earnAmount: '0',
      endsOn: '2026-02-30',
      rewards: [{ ...newReward('10% off'), kind: 'discount', discount: 'ten' }],
      campaigns: [
        { ...newCampaign('Late'), fromHour: '18', toHour: '', multiplier: '0.5' },
        { ...newCampaign('Backwards'), fromHour: '16', toHour: '14', startsAt: '2026-13-01T10:00' },
      ],
      tierWindowDays: '90',
      tiers: [],
    };
    const errors = byPath(problems(form));
    expect(errors).toEqual({
      'rules.timeZone':
        'This is not a time zone the terminal knows. Enter one such as Europe/Berlin.',
      'rules.earn.amountCents': 'Enter at least €0.01.',
      'rules.rewards.0.discountCents': 'Enter an amount in euros, e.g. 2.50.',
      'rules.expiry.endsOn': 'Enter a date.',
      'rules.campaigns.0.multiplier': 'Enter 1 or more.',
      'rules.campaigns.0.fromHour': 'Give both the “from” and the “until” hour, or neither.',
      'rules.campaigns.1.startsAt': 'Enter a date and a time.',
      'rules.campaigns.1.fromHour': 'The “from” hour must come before the “until” hour.',
      'rules.tiers.levels': 'Add at least one tier, or empty the tier window.',
    });
    // Intl puts a no-break space between the figure and the euro sign.
    expect(byPath(problems(form, de.programs))['rules.earn.amountCents']).toMatch(
      /^Bitte mindestens 0,01\s€ eingeben\.$/u,
    );
  });

  it('never shows a raw zod message, in either language', () => {
    const bad: ProgramForm = {
      ...coffee(),
      name: 'x'.repeat(81),
      earnStamps: '-3',
      rewards: [],
      campaigns: Array.from({ length: 21 }, () => newCampaign('Double')),
      tiers: [{ ...newTier('', 0) }],
    };
    for (const words of [en.programs, de.programs]) {
      const errors = problems(bad, words);
      expect(errors.length).toBeGreaterThan(3);
      for (const error of errors) expect(error.message).not.toMatch(RAW_ZOD);
    }
    expect(byPath(problems(bad))).toMatchObject({
      name: 'Use at most 80 characters.',
      'rules.rewards': 'A program needs at least one reward.',
      'rules.campaigns': 'At most 20 are possible.',
      'rules.tiers.levels.0.minStamps': 'Enter 1 or more.',
    });
  });

  it('labels a field for the summary as the form does', () => {
    expect(labelOfPath('rules.rewards.1.cost', en.programs)).toBe('Reward 2: Cost');
    expect(labelOfPath('rules.campaigns.0.fromHour', de.programs)).toBe(
      'Aktion 1: Täglich ab Stunde',
    );
    expect(labelOfPath('rules.earn.stamps', en.programs, 'item')).toBe('Stamps per item bought');
    expect(labelOfPath('rules.tiers.levels.2', en.programs)).toBe('Tier 3');
  });
});
