/**
 * The segment definitions of shared/kpi/segments.ts on small ledgers worked out by hand:
 * lapsed members (consent and contact required, voids ignored, merges followed, erased
 * members left out) and champions (ranking, ties, the store filter, the period's edges).
 */
import { describe, expect, it } from 'vitest';
import { champions, lapsedMembers } from '../../shared/kpi/segments';
import { foldEvents } from '../../shared/projection/projection';
import { coffeeCardRules } from '../../shared/rules/program-schema';
import { coffeeLedger } from '../support/coffee-ledger';
import { terminalBuilder } from '../support/ledger-builder';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 24, 12);

function ledger() {
  const { a, b, stamp, redeem, publish, enrol } = coffeeLedger();
  // Each terminal's events in the order of their times: a terminal's clock never goes back.
  const events = [
    publish(a, coffeeCardRules, NOW - 100 * DAY),
    enrol(a, 'mem_mia', NOW - 90 * DAY, {
      name: 'Mia',
      email: 'mia@example.com',
      consent: { marketing: true },
    }),
    stamp(a, 'mem_mia', 1, NOW - 90 * DAY + 1),
    enrol(a, 'mem_ben', NOW - 80 * DAY, { phone: '0170 1', consent: { marketing: true } }),
    stamp(a, 'mem_ben', 1, NOW - 80 * DAY + 1),
    enrol(a, 'mem_no-consent', NOW - 70 * DAY, {
      email: 'x@example.com',
      consent: { marketing: false },
    }),
    stamp(a, 'mem_no-consent', 1, NOW - 70 * DAY + 1),
    enrol(a, 'mem_erased', NOW - 70 * DAY + 2, {
      email: 'e@example.com',
      consent: { marketing: true },
    }),
    stamp(a, 'mem_erased', 1, NOW - 70 * DAY + 3),
    enrol(a, 'mem_bonus-only', NOW - 60 * DAY, {
      email: 'b@example.com',
      consent: { marketing: true },
    }),
    stamp(a, 'mem_bonus-only', 1, NOW - 60 * DAY + 1, { reason: 'welcome' }),
    // A second account of ben's, visiting 10 days ago, merged into ben: ben is not lapsed
    // after 30 days.
    enrol(b, 'mem_ben2', NOW - 11 * DAY, { consent: { marketing: false } }),
    stamp(b, 'mem_ben2', 4, NOW - 10 * DAY),
    a.event('member.merged', { from: 'mem_ben2', into: 'mem_ben' }, NOW - 9 * DAY),
    a.event('member.erased', { member: 'mem_erased' }, NOW - 8 * DAY),
    redeem(b, 'mem_ben', NOW - 2 * DAY, 4),
  ];
  // A stamp of mia 5 days ago that was voided: not a visit, mia stays lapsed.
  const voided = stamp(a, 'mem_mia', 1, NOW - 5 * DAY);
  events.push(
    voided,
    a.event('event.voided', { target: voided.id, reason: 'cashier_undo' }, NOW - 5 * DAY + 1),
  );
  return foldEvents(events);
}

describe('lapsed members', () => {
  it('lists members with a visit before the last N days and none since, consent and a contact', () => {
    const p = ledger();
    expect(lapsedMembers(p, { nowMs: NOW, days: 30 })).toEqual([
      {
        member: 'mem_mia',
        name: 'Mia',
        email: 'mia@example.com',
        phone: undefined,
        lastVisitMs: NOW - 90 * DAY + 1,
        visits: 1,
      },
    ]);
    // After a day, ben's redemption two days ago is behind the line too: newest lapse first.
    expect(lapsedMembers(p, { nowMs: NOW, days: 1 }).map((m) => [m.member, m.visits])).toEqual([
      ['mem_ben', 3],
      ['mem_mia', 1],
    ]);
    // A visit exactly N days ago is not in the last N days: the member has lapsed.
    expect(lapsedMembers(p, { nowMs: NOW, days: 2 }).map((m) => m.member)).toEqual([
      'mem_ben',
      'mem_mia',
    ]);
    expect(lapsedMembers(p, { nowMs: NOW, days: 100 })).toEqual([]);
  });

  it('counts only visits in the given store', () => {
    const p = ledger();
    // In store sto_demo (both builders' default store), everything is there; in another, nothing.
    expect(lapsedMembers(p, { nowMs: NOW, days: 30, store: 'sto_other' })).toEqual([]);
    expect(lapsedMembers(p, { nowMs: NOW, days: 30, store: 'sto_demo' })).toHaveLength(1);
  });

  it('refuses a number of days that is not a whole number from 1', () => {
    expect(() => lapsedMembers(ledger(), { nowMs: NOW, days: 0 })).toThrow(RangeError);
  });
});

describe('champions', () => {
  it('ranks by visits, then stamps, then id (bonus stamps alone are no visit), within the period, contact only with consent', () => {
    const p = ledger();
    const all = champions(p, { fromMs: NOW - 100 * DAY, toMs: NOW });
    expect(all.map((c) => [c.rank, c.member, c.visits, c.stamps])).toEqual([
      [1, 'mem_ben', 3, 5],
      [2, 'mem_erased', 1, 1],
      [3, 'mem_mia', 1, 1],
      [4, 'mem_no-consent', 1, 1],
    ]);
    expect(all[1]).toMatchObject({ name: undefined, email: undefined });
    expect(all[3]).toMatchObject({ email: undefined });
    expect(all[0]).toMatchObject({ phone: '0170 1' });
    expect(champions(p, { fromMs: NOW - 100 * DAY, toMs: NOW }, { limit: 1 })).toHaveLength(1);
    // The period is half-open: a visit at toMs is outside, one at fromMs inside.
    const edge = NOW - 10 * DAY;
    expect(
      champions(p, { fromMs: edge, toMs: NOW - 2 * DAY }).map((c) => [c.member, c.visits]),
    ).toEqual([['mem_ben', 1]]);
  });

  it('counts the store given only', () => {
    const other = terminalBuilder('term_c', { store: 'sto_harbour' });
    const p = foldEvents([
      other.event('member.enrolled', { member: 'mem_x', consent: { marketing: false } }, NOW - DAY),
      other.event(
        'stamps.earned',
        { member: 'mem_x', program: 'prg_coffee', count: 1, reason: 'purchase' },
        NOW - DAY + 1,
      ),
    ]);
    expect(
      champions(p, { fromMs: NOW - 2 * DAY, toMs: NOW }, { store: 'sto_harbour' }),
    ).toHaveLength(1);
    expect(champions(p, { fromMs: NOW - 2 * DAY, toMs: NOW }, { store: 'sto_demo' })).toEqual([]);
  });
});
