import { describe, expect, it } from 'vitest';
import type { LedgerEvent } from '../../shared/ledger/envelope';
import { foldReadsAlike } from '../../shared/projection/fold-step';
import { foldEvents } from '../../shared/projection/projection';
import { projectionSnapshot } from '../../shared/projection/snapshot';
import type { ProgramRules } from '../../shared/rules/program-schema';
import { coffeeLedger } from '../support/coffee-ledger';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 5, 9); // Monday 5 January 2026, 10:00 in Berlin

const coffee: ProgramRules = {
  earn: { per: 'item', stamps: 1 },
  rewards: [{ id: 'rwd_free', name: 'Free coffee', cost: 10, kind: 'free_item' }],
};

const setup = coffeeLedger;

const balanceOf = (events: LedgerEvent[], member: string) =>
  projectionSnapshot(foldEvents(events)).balances.find((x) => x.member === member);

describe('projection of members and cards', () => {
  it('keeps the first enrolment of a member and ignores a second one', () => {
    const { a, b, enrol } = setup();
    const events = [
      enrol(a, 'mem_anna', T0, { name: 'Anna' }),
      enrol(b, 'mem_anna', T0 + 1000, { name: 'Other' }),
    ];
    expect(foldEvents(events).views.members.get('mem_anna')?.name).toBe('Anna');
  });

  it('marks a blocked card and keeps the balance with the member', () => {
    const { a, enrol, stamp } = setup();
    const events = [
      enrol(a, 'mem_anna', T0),
      a.event('card.linked', { member: 'mem_anna', card: 'crd_lost-one', kind: 'qr' }, T0),
      stamp(a, 'mem_anna', 4, T0 + 1000, { card: 'crd_lost-one' }),
      a.event('card.blocked', { card: 'crd_lost-one', reason: 'lost' }, T0 + 2000),
      a.event('card.linked', { member: 'mem_anna', card: 'crd_new-one', kind: 'nfc' }, T0 + 3000),
    ];
    const p = foldEvents(events);
    expect(p.views.cards.get('crd_lost-one')).toMatchObject({
      blocked: true,
      blockedReason: 'lost',
    });
    expect(p.views.cards.get('crd_new-one')).toMatchObject({ blocked: false, member: 'mem_anna' });
    expect(p.views.members.get('mem_anna')?.cards).toEqual(['crd_lost-one', 'crd_new-one']);
    expect(balanceOf(events, 'mem_anna')?.balance).toBe(4);
  });

  it('keys members, cards and balances by the ids the events name', () => {
    const { a, enrol, stamp, publish } = setup();
    const member = 'mem_k7q2x9m4c1v8r3b6n0dt';
    const card = 'crd_q2x9m4c1v8r3b6n0dtk7a';
    const events = [
      publish(a, coffee, T0 - 1000),
      enrol(a, member, T0),
      a.event('card.linked', { member, card, kind: 'qr' }, T0 + 1000),
      stamp(a, member, 3, T0 + 2000, { card }),
    ];
    const { views } = foldEvents(events);
    expect([...views.members.keys()]).toEqual([member]);
    expect(views.members.get(member)).toMatchObject({ id: member, cards: [card] });
    expect([...views.cards.keys()]).toEqual([card]);
    expect(views.cards.get(card)).toMatchObject({ id: card, member, lastStampMs: T0 + 2000 });
    const balances = views.members.get(member)?.balances;
    expect([...(balances?.keys() ?? [])]).toEqual(['prg_coffee']);
    expect(balances?.get('prg_coffee')).toMatchObject({ member, program: 'prg_coffee' });
  });

  it('keeps a card with the member it was first linked to', () => {
    const { a, b } = setup();
    const events = [
      a.event('card.linked', { member: 'mem_anna', card: 'crd_shared', kind: 'qr' }, T0),
      b.event('card.linked', { member: 'mem_ben', card: 'crd_shared', kind: 'qr' }, T0 + 5),
    ];
    expect(foldEvents(events).views.cards.get('crd_shared')?.member).toBe('mem_anna');
  });

  it('times the cooldown of a card by stamps of the account that holds it, not by stray stamps', () => {
    const { a, b, enrol, stamp } = setup();
    const events = [
      enrol(a, 'mem_anna', T0),
      enrol(a, 'mem_ben', T0),
      a.event('card.linked', { member: 'mem_anna', card: 'crd_anna', kind: 'qr' }, T0),
      stamp(a, 'mem_anna', 1, T0 + 1000, { card: 'crd_anna' }),
      // A stamp for Ben that names Anna's card: no rule engine makes it, a bad terminal might.
      stamp(b, 'mem_ben', 1, T0 + 5000, { card: 'crd_anna' }),
    ];
    expect(foldEvents(events).views.cards.get('crd_anna')?.lastStampMs).toBe(T0 + 1000);
  });

  it('removes personal data on erasure, never restores it, and keeps the ledger entries', () => {
    const { a, b, enrol, stamp } = setup();
    const events = [
      enrol(a, 'mem_anna', T0, {
        name: 'Anna',
        phone: '+49 30 1234567',
        email: 'anna@example.org',
        birthday: '03-14',
        consent: { marketing: true },
      }),
      stamp(a, 'mem_anna', 3, T0 + 1000),
      a.event('member.erased', { member: 'mem_anna' }, T0 + 2000),
      b.event('member.updated', { member: 'mem_anna', name: 'Anna again' }, T0 + 3000),
    ];
    const member = foldEvents(events).views.members.get('mem_anna');
    expect(member).toMatchObject({
      erased: true,
      name: undefined,
      phone: undefined,
      email: undefined,
      birthday: undefined,
      marketingConsent: false,
    });
    expect(balanceOf(events, 'mem_anna')?.balance).toBe(3);
  });

  it('applies profile updates in total order', () => {
    const { a, b, enrol } = setup();
    const events = [
      enrol(a, 'mem_anna', T0, { name: 'Anna' }),
      b.event('member.updated', { member: 'mem_anna', name: 'Anna Z.' }, T0 + 2000),
      a.event(
        'member.updated',
        { member: 'mem_anna', name: 'Anna Y.', consent: { marketing: true } },
        T0 + 1000,
      ),
    ];
    expect(foldEvents(events).views.members.get('mem_anna')).toMatchObject({
      name: 'Anna Z.',
      marketingConsent: true,
    });
  });
});

describe('projection of merges', () => {
  it('adds the balances up, moves the cards, and sends later stamps to the surviving member', () => {
    const { a, enrol, stamp } = setup();
    const events = [
      enrol(a, 'mem_anna', T0),
      enrol(a, 'mem_anna2', T0),
      a.event('card.linked', { member: 'mem_anna2', card: 'crd_dup', kind: 'qr' }, T0),
      stamp(a, 'mem_anna', 3, T0 + 1000),
      stamp(a, 'mem_anna2', 4, T0 + 2000),
      a.event('member.merged', { from: 'mem_anna2', into: 'mem_anna' }, T0 + 3000),
      stamp(a, 'mem_anna2', 2, T0 + 4000),
    ];
    const p = foldEvents(events);
    expect(balanceOf(events, 'mem_anna')).toMatchObject({ balance: 9, earned: 9 });
    expect(balanceOf(events, 'mem_anna2')).toBeUndefined();
    expect(p.views.cards.get('crd_dup')?.member).toBe('mem_anna');
    expect(p.views.members.get('mem_anna')?.cards).toEqual(['crd_dup']);
    expect(p.views.members.get('mem_anna2')?.mergedInto).toBe('mem_anna');
  });

  it('ignores a merge that would make a cycle', () => {
    const { a, stamp } = setup();
    const events = [
      stamp(a, 'mem_anna', 1, T0),
      stamp(a, 'mem_ben', 2, T0),
      a.event('member.merged', { from: 'mem_anna', into: 'mem_ben' }, T0 + 1000),
      a.event('member.merged', { from: 'mem_ben', into: 'mem_anna' }, T0 + 2000),
    ];
    expect(balanceOf(events, 'mem_ben')?.balance).toBe(3);
    expect(foldEvents(events).views.members.get('mem_ben')?.mergedInto).toBeUndefined();
  });
});

describe('projection of voids', () => {
  it('treats a voided stamp as never given', () => {
    const { a, stamp } = setup();
    const wrong = stamp(a, 'mem_anna', 5, T0);
    const events = [
      stamp(a, 'mem_anna', 2, T0),
      wrong,
      a.event('event.voided', { target: wrong.id, reason: 'cashier_undo' }, T0 + 1000),
    ];
    expect(balanceOf(events, 'mem_anna')).toMatchObject({ balance: 2, earned: 2 });
  });

  it('gives the stamps back when a redemption is voided, and clears its overdraft flag', () => {
    const { a, stamp, redeem } = setup();
    const redemption = redeem(a, 'mem_anna', T0 + 1000);
    const events = [
      stamp(a, 'mem_anna', 4, T0),
      redemption,
      a.event('event.voided', { target: redemption.id, reason: 'cashier_undo' }, T0 + 2000),
    ];
    const p = foldEvents(events);
    expect(balanceOf(events, 'mem_anna')).toMatchObject({ balance: 4, redeemed: 0, overdrafts: 0 });
    expect(p.views.redemptions.has(redemption.id)).toBe(false);
  });

  it('ignores a void of an event that is not a stamp or a redemption', () => {
    const { a, enrol } = setup();
    const enrolment = enrol(a, 'mem_anna', T0, { name: 'Anna' });
    const events = [
      enrolment,
      a.event('event.voided', { target: enrolment.id, reason: 'manager_correction' }, T0 + 1000),
    ];
    expect(foldEvents(events).views.members.get('mem_anna')?.name).toBe('Anna');
  });
});

describe('projection of programs, overdrafts, expiry and tiers', () => {
  it('uses the program published last in total order, whatever its version number', () => {
    const { a, b, publish } = setup();
    const events = [
      publish(a, coffee, T0, 2),
      publish(b, { ...coffee, cooldownSeconds: 60 }, T0 + 1000, 1),
    ];
    expect(foldEvents(events).views.programs.get('prg_coffee')).toMatchObject({
      version: 1,
      rules: { cooldownSeconds: 60 },
    });
  });

  it('flags the later of two offline redemptions of the same stamps, and later stamps pay it back', () => {
    const { a, b, stamp, redeem } = setup();
    const stamped = stamp(a, 'mem_anna', 10, T0);
    const first = redeem(a, 'mem_anna', T0 + 60_000);
    const second = redeem(b, 'mem_anna', T0 + 90_000);
    const events = [stamped, second, first, stamp(a, 'mem_anna', 3, T0 + DAY)];
    const p = foldEvents(events);
    expect(p.views.redemptions.get(first.id)).toMatchObject({
      overdraft: false,
      balanceBefore: 10,
      terminal: 'term_a',
    });
    expect(p.views.redemptions.get(second.id)).toMatchObject({
      overdraft: true,
      balanceBefore: 0,
      terminal: 'term_b',
    });
    expect(balanceOf(events, 'mem_anna')).toMatchObject({ balance: -7, overdrafts: 1 });
  });

  it('lapses stamps after the inactivity period, but never a debt', () => {
    const { a, publish, stamp, redeem } = setup();
    const rules: ProgramRules = { ...coffee, expiry: { inactivityDays: 30 } };
    const lapsing = [
      publish(a, rules, T0),
      stamp(a, 'mem_anna', 6, T0),
      stamp(a, 'mem_anna', 1, T0 + 31 * DAY),
    ];
    expect(balanceOf(lapsing, 'mem_anna')).toMatchObject({ balance: 1, lapsed: 6 });
    const inTime = [
      publish(a, rules, T0),
      stamp(a, 'mem_anna', 6, T0),
      stamp(a, 'mem_anna', 1, T0 + 29 * DAY),
    ];
    expect(balanceOf(inTime, 'mem_anna')).toMatchObject({ balance: 7, lapsed: 0 });
    const debt = [
      publish(a, rules, T0),
      redeem(a, 'mem_anna', T0, 4),
      stamp(a, 'mem_anna', 1, T0 + 40 * DAY),
    ];
    expect(balanceOf(debt, 'mem_anna')).toMatchObject({ balance: -3, lapsed: 0 });
  });

  it('lapses stamps when the program has ended on its fixed date (store-local)', () => {
    const { a, publish, stamp } = setup();
    const rules: ProgramRules = { ...coffee, expiry: { endsOn: '2026-01-31' } };
    // 31 Jan 22:30 UTC is already 1 Feb in Berlin.
    const events = [
      publish(a, rules, T0),
      stamp(a, 'mem_anna', 6, T0),
      stamp(a, 'mem_anna', 1, Date.UTC(2026, 0, 31, 23, 30)),
    ];
    expect(balanceOf(events, 'mem_anna')).toMatchObject({ balance: 1, lapsed: 6 });
  });

  it('gives the tier reached by stamps in the trailing window as of the newest event', () => {
    const { a, publish, stamp } = setup();
    const rules: ProgramRules = {
      ...coffee,
      tiers: {
        windowDays: 30,
        levels: [
          { name: 'silver', minStamps: 5 },
          { name: 'gold', minStamps: 10 },
        ],
      },
    };
    const base = [
      publish(a, rules, T0),
      stamp(a, 'mem_anna', 6, T0),
      stamp(a, 'mem_anna', 5, T0 + 10 * DAY),
    ];
    expect(balanceOf(base, 'mem_anna')?.tier).toBe('gold');
    // 35 days later the first 6 stamps are outside the window: 5 + 1 = 6 → silver.
    const later = [
      ...base,
      stamp(a, 'mem_ben', 1, T0 + 35 * DAY),
      stamp(a, 'mem_anna', 1, T0 + 35 * DAY),
    ];
    expect(balanceOf(later, 'mem_anna')?.tier).toBe('silver');
  });

  it('counts purchase stamps and redemptions of the current store-local day', () => {
    const { a, stamp, redeem } = setup();
    const events = [
      stamp(a, 'mem_anna', 12, Date.UTC(2026, 0, 5, 22, 30)), // 23:30 in Berlin, 5 Jan
      stamp(a, 'mem_anna', 2, Date.UTC(2026, 0, 5, 23, 30)), // 00:30 in Berlin, 6 Jan
      redeem(a, 'mem_anna', Date.UTC(2026, 0, 6, 8)),
      stamp(a, 'mem_anna', 3, Date.UTC(2026, 0, 6, 9), { reason: 'welcome' }),
    ];
    expect(balanceOf(events, 'mem_anna')).toMatchObject({
      stampsOnActivityDay: 2,
      redemptionsOnActivityDay: 1,
    });
  });

  it('reads two program versions alike when their time zone and expiry agree', () => {
    const dearer: ProgramRules = {
      ...coffee,
      earn: { per: 'visit', stamps: 2 },
      rewards: [{ id: 'rwd_free', name: 'Free coffee', cost: 5, kind: 'free_item' }],
      bonuses: { welcome: 2 },
    };
    expect(foldReadsAlike(coffee, dearer)).toBe(true);
    // No program, no time zone and no expiry all mean the defaults.
    expect(foldReadsAlike(undefined, { ...coffee, timeZone: 'Europe/Berlin', expiry: {} })).toBe(
      true,
    );
    expect(foldReadsAlike(coffee, { ...coffee, timeZone: 'America/New_York' })).toBe(false);
    expect(foldReadsAlike(coffee, { ...coffee, expiry: { inactivityDays: 30 } })).toBe(false);
    expect(
      foldReadsAlike(
        { ...coffee, expiry: { endsOn: '2026-12-31' } },
        { ...coffee, expiry: { endsOn: '2027-01-31' } },
      ),
    ).toBe(false);
  });
});
