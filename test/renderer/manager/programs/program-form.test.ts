/**
 * The editor's form holds every field of the program schema: a program using all of them
 * (checked against the schema's own keys, so a field added to the schema without form
 * support fails here) goes into the form and comes out exactly as published (so "nothing
 * to publish" is true), and an edit in the form changes just that rule.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  formFromRules,
  parseCents,
  parseNumber,
  rulesFromForm,
} from '../../../../renderer/manager/programs/program-form';
import { programRulesSchema, type ProgramRules } from '../../../../shared/rules/program-schema';

/**
 * Every key path the schema allows, nested objects and list items included
 * (`rewards[].discountCents`); of a union, the keys of every option.
 */
function schemaPaths(schema: z.core.SomeType, at = ''): string[] {
  const join = (key: string) => (at === '' ? key : `${at}.${key}`);
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) {
    return schemaPaths(schema.unwrap(), at);
  }
  if (schema instanceof z.ZodArray) return schemaPaths(schema.element, `${at}[]`);
  if (schema instanceof z.ZodUnion) {
    return [...new Set(schema.options.flatMap((option) => schemaPaths(option, at)))];
  }
  if (schema instanceof z.ZodObject) {
    const shape: Record<string, z.core.SomeType> = schema.shape;
    return Object.entries(shape).flatMap(([key, field]) => [
      join(key),
      ...schemaPaths(field, join(key)),
    ]);
  }
  return [];
}

/** Every key path a value uses, the same way. */
function valuePaths(value: unknown, at = ''): string[] {
  const join = (key: string) => (at === '' ? key : `${at}.${key}`);
  if (Array.isArray(value)) {
    return [...new Set(value.flatMap((item: unknown) => valuePaths(item, `${at}[]`)))];
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, field]) => [
      join(key),
      ...valuePaths(field, join(key)),
    ]);
  }
  return [];
}

const everything: ProgramRules = {
  timeZone: 'Europe/Vienna',
  earn: { per: 'amount', stamps: 2, amountCents: 550 },
  caps: { perTransaction: 10, perDay: 20 },
  rewards: [
    { id: 'rwd_coffee', name: 'Free coffee', cost: 10, kind: 'free_item' },
    { id: 'rwd_cake-off', name: 'Cake €2 off', cost: 6, kind: 'discount', discountCents: 200 },
  ],
  expiry: { inactivityDays: 180, endsOn: '2027-12-31' },
  bonuses: { welcome: 2, birthday: 3, referral: { referrer: 2, referee: 1 } },
  campaigns: [
    {
      name: 'Happy hour',
      multiplier: 1.5,
      startsAt: '2026-03-01T00:00:00Z',
      endsAt: '2026-04-01T00:00:00+02:00',
      fromHour: 14,
      toHour: 16,
      weekdays: [1, 2, 3],
    },
    { name: 'Always double', multiplier: 2 },
  ],
  tiers: {
    windowDays: 90,
    levels: [
      { name: 'Silver', minStamps: 20 },
      { name: 'Gold', minStamps: 60 },
    ],
  },
  cooldownSeconds: 45,
  undoWindowSeconds: 300,
  offline: { redemptionsPerDay: 2, maxRedeemCostOffline: 15 },
};

describe('the program form', () => {
  it('holds every field of the schema and gives the program back unchanged', () => {
    // The program below uses every key of the schema, so the round trip covers them all.
    const paths = schemaPaths(programRulesSchema);
    expect(paths).toContain('rewards[].discountCents');
    expect(paths).toContain('earn.amountCents');
    expect([...new Set(valuePaths(everything))].sort()).toEqual([...new Set(paths)].sort());
    expect(programRulesSchema.parse(everything)).toEqual(everything);
    expect(rulesFromForm(formFromRules('All of it', everything))).toEqual(everything);
  });

  it('changes only what was edited, and leaves out what was emptied', () => {
    const form = formFromRules('All of it', everything);
    const edited = rulesFromForm({
      ...form,
      earnAmount: '4,00',
      capPerDay: '',
      referrer: '',
      campaigns: form.campaigns.slice(0, 1).map((c) => ({ ...c, startsAt: '2026-03-02T08:00' })),
      tiers: [],
      tierWindowDays: '',
    });
    expect(edited).toEqual({
      ...everything,
      earn: { per: 'amount', stamps: 2, amountCents: 400 },
      caps: { perTransaction: 10 },
      bonuses: { welcome: 2, birthday: 3, referral: { referrer: 0, referee: 1 } },
      campaigns: [{ ...everything.campaigns?.[0], startsAt: '2026-03-02T08:00:00+01:00' }],
      tiers: undefined,
    });
  });

  it('reads numbers and euros as typed, with a comma or a point', () => {
    expect(parseNumber(' 12 ')).toBe(12);
    expect(parseNumber('1,5')).toBe(1.5);
    expect(parseNumber('')).toBeUndefined();
    expect(parseNumber('12abc')).toBeNaN();
    expect(parseCents('2,50')).toBe(250);
    expect(parseCents('0.1')).toBe(10);
    expect(parseCents('two')).toBeNaN();
  });
});
