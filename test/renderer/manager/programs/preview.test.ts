/**
 * The editor's preview asks the counter's rule engine: stamps for a purchase, campaign
 * extras cut to the caps, refusals by cap and cooldown, lapsed stamps, the rewards in
 * reach and the tier; and says it in words in English and German.
 */
import { describe, expect, it } from 'vitest';
import { de } from '../../../../renderer/i18n/de';
import { en } from '../../../../renderer/i18n/en';
import {
  describePreview,
  previewPurchase,
  type PreviewScenario,
} from '../../../../renderer/manager/programs/preview';
import { coffeeCardRules, type ProgramRules } from '../../../../shared/rules/program-schema';

/** Monday 5 January 2026, 15:00 in Berlin (14:00 UTC). */
const MONDAY_3PM = Date.UTC(2026, 0, 5, 14);

const scenario = (patch: Partial<PreviewScenario> = {}): PreviewScenario => ({
  balance: 9,
  items: 2,
  amountCents: 1250,
  atMs: MONDAY_3PM,
  stampsToday: 0,
  birthdayToday: false,
  ...patch,
});

const rules = (patch: Partial<ProgramRules> = {}): ProgramRules => ({
  ...coffeeCardRules,
  ...patch,
});

describe('the program preview', () => {
  it('gives a member with 9 stamps buying 2 coffees 2 stamps and the free coffee', () => {
    const outcome = previewPurchase(rules(), scenario());
    expect(outcome).toMatchObject({
      kind: 'stamped',
      purchase: 2,
      total: 2,
      balanceAfter: 11,
      redeemable: [{ name: 'Free coffee', cost: 10 }],
    });
    const words = describePreview(rules(), scenario(), outcome, en);
    expect(words.lead).toBe('A member with 9 stamps buying 2 items:');
    expect(words.lines).toEqual([
      'gets 2 stamps for the purchase.',
      '2 stamps in all: the card then holds 11.',
      'Can redeem: Free coffee (10 stamps).',
    ]);
  });

  it('uses stamps per visit whatever is bought, and says how many are still missing', () => {
    const perVisit = rules({ earn: { per: 'visit', stamps: 2 } });
    const outcome = previewPurchase(perVisit, scenario({ balance: 3, items: 5 }));
    expect(outcome).toMatchObject({ purchase: 2, balanceAfter: 5 });
    expect(describePreview(perVisit, scenario({ balance: 3 }), outcome, en).lines).toContain(
      '5 more stamps to Free coffee.',
    );
  });

  it('counts full amounts for per-amount programs and refuses a purchase too small', () => {
    const perAmount = rules({ earn: { per: 'amount', stamps: 1, amountCents: 500 } });
    expect(previewPurchase(perAmount, scenario({ amountCents: 1250 }))).toMatchObject({
      purchase: 2,
    });
    const small = scenario({ amountCents: 300 });
    const outcome = previewPurchase(perAmount, small);
    expect(outcome).toMatchObject({ kind: 'refused', refusal: { code: 'below_minimum_amount' } });
    expect(describePreview(perAmount, small, outcome, en).lines[0]).toBe(
      'gets no stamps. This purchase is too small for a stamp.',
    );
  });

  it('adds a campaign’s extra stamps inside its hours only, cut to the per-purchase cap', () => {
    const happyHour = rules({
      caps: { perTransaction: 3 },
      campaigns: [{ name: 'Happy hour', multiplier: 2, fromHour: 14, toHour: 16 }],
    });
    const inside = previewPurchase(happyHour, scenario());
    expect(inside).toMatchObject({
      purchase: 2,
      campaign: { name: 'Happy hour', extra: 1, full: 2 },
      total: 3,
    });
    expect(describePreview(happyHour, scenario(), inside, en).lines).toEqual(
      expect.arrayContaining([
        '+1 stamp from “Happy hour”.',
        '“Happy hour” would add 2; the caps allow 1.',
      ]),
    );
    const outside = previewPurchase(happyHour, scenario({ atMs: MONDAY_3PM + 2 * 3_600_000 }));
    expect(outside).toMatchObject({ total: 2 });
    expect(outside).not.toHaveProperty('campaign');
  });

  it('refuses by the daily cap and by the cooldown, as the counter does', () => {
    const capped = rules({ caps: { perDay: 5 } });
    const overCap = previewPurchase(capped, scenario({ stampsToday: 4 }));
    expect(overCap).toMatchObject({
      kind: 'refused',
      refusal: { code: 'cap_per_day', remaining: 1 },
    });
    expect(describePreview(capped, scenario(), overCap, de).lines[0]).toMatch(
      /^bekommt keine Stempel\. /u,
    );
    const tooSoon = previewPurchase(rules(), scenario({ secondsSinceStamp: 10 }));
    expect(tooSoon).toMatchObject({
      kind: 'refused',
      refusal: { code: 'cooldown', waitSeconds: 20 },
    });
    expect(previewPurchase(rules(), scenario({ secondsSinceStamp: 31 }))).toMatchObject({
      kind: 'stamped',
    });
  });

  it('lapses the stamps of a member away longer than the inactivity limit', () => {
    const lapsing = rules({ expiry: { inactivityDays: 30 } });
    const away = scenario({ daysSinceVisit: 45 });
    const outcome = previewPurchase(lapsing, away);
    expect(outcome).toMatchObject({ lapsed: 9, balanceAfter: 2 });
    expect(describePreview(lapsing, away, outcome, en).lines).toContain(
      'The 9 stamps on the card had lapsed (no visit for too long): the card starts again at 0.',
    );
    expect(previewPurchase(lapsing, scenario({ daysSinceVisit: 10 }))).toMatchObject({
      lapsed: 0,
      balanceAfter: 11,
    });
  });

  it('gives the birthday bonus and names the tier reached', () => {
    const generous = rules({
      bonuses: { birthday: 5 },
      tiers: {
        levels: [
          { name: 'Silver', minStamps: 10 },
          { name: 'Gold', minStamps: 50 },
        ],
      },
    });
    const birthday = scenario({ birthdayToday: true });
    const outcome = previewPurchase(generous, birthday);
    expect(outcome).toMatchObject({ birthday: 5, total: 7, tierAfter: 'Silver' });
    expect(outcome).not.toHaveProperty('tierBefore');
    const lines = describePreview(generous, birthday, outcome, en).lines;
    expect(lines).toContain('+5 birthday stamps.');
    expect(lines).toContain('Reaches the tier Silver.');
    const german = describePreview(generous, birthday, outcome, de);
    expect(german.lead).toBe('Ein Mitglied mit 9 Stempeln beim Kauf von 2 Artikeln:');
    expect(german.lines).toContain('Erreicht die Stufe Silver.');
  });
});
