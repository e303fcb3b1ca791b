/**
 * The fold in account order gives the views of the total-order fold: as properties over
 * the random scenarios of the projection properties, and for each place where one
 * account's fold reaches another's (programs, merges, a card linked twice, blocks).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountOf, inAccountOrder } from '../../shared/ledger/account-order';
import type { LedgerEvent } from '../../shared/ledger/envelope';
import type { DerivedViews } from '../../shared/projection/derived-views';
import { foldAccounts, foldInAccountOrder } from '../../shared/projection/fold-by-account';
import { foldEvents } from '../../shared/projection/projection';
import { projectionSnapshot } from '../../shared/projection/snapshot';
import type { ProgramRules } from '../../shared/rules/program-schema';
import { coffeeLedger } from '../support/coffee-ledger';
import { eventSetWithArrivalOrder } from '../support/scenario-arbitrary';

const RUNS = { numRuns: 1_000, seed: 20261125 } as const;
const everything = { withMerges: true, withExpiry: true, withErasure: true } as const;
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 5, 9);

const coffee: ProgramRules = {
  earn: { per: 'item', stamps: 1 },
  rewards: [{ id: 'rwd_free', name: 'Free coffee', cost: 10, kind: 'free_item' }],
};

/** The snapshot of `views` as if the total-order fold of `events` had made them. */
const snapshotWith = (events: readonly LedgerEvent[], views: DerivedViews) =>
  projectionSnapshot({ ...foldEvents(events), views });
const totalOrderSnapshot = (events: readonly LedgerEvent[]) =>
  projectionSnapshot(foldEvents(events));

/** The fold in account order, which must not have handed `events` to the total-order fold. */
function walked(events: readonly LedgerEvent[]): DerivedViews {
  const views = foldAccounts(events);
  if (views === undefined) throw new Error('The events were not taken to be in account order.');
  return views;
}

/** Account order, with the events of no account at the head in the order given. */
function accountOrderWithHead(events: readonly LedgerEvent[], head: readonly LedgerEvent[]) {
  const owned = inAccountOrder(events).filter((event) => accountOf(event) !== undefined);
  return [...head.filter((event) => accountOf(event) === undefined), ...owned];
}

describe('the fold in account order', () => {
  it('gives the views of the total-order fold for any event set read in account order', () => {
    fc.assert(
      fc.property(eventSetWithArrivalOrder(everything), ([events, arrival]) => {
        const views = foldAccounts(accountOrderWithHead(events, arrival));
        expect(views).toBeDefined();
        expect(snapshotWith(events, views as DerivedViews)).toEqual(totalOrderSnapshot(events));
      }),
      RUNS,
    );
  });

  it('changes nothing when every event comes twice, next to itself', () => {
    fc.assert(
      fc.property(eventSetWithArrivalOrder(everything), ([events, arrival]) => {
        const twice = accountOrderWithHead(events, arrival).flatMap((event) => [event, event]);
        const views = foldAccounts(twice);
        expect(views).toBeDefined();
        expect(snapshotWith(events, views as DerivedViews)).toEqual(totalOrderSnapshot(events));
      }),
      RUNS,
    );
  });

  it('gives the same views for events in any other order (folded in total order instead)', () => {
    fc.assert(
      fc.property(eventSetWithArrivalOrder(everything), ([events, arrival]) => {
        expect(snapshotWith(events, foldInAccountOrder(arrival))).toEqual(
          totalOrderSnapshot(events),
        );
      }),
      RUNS,
    );
  });

  it('folds an account whose events go back in time, or come in two runs, as the total order does', () => {
    const { a, enrol, stamp, publish, redeem } = coffeeLedger();
    const events = [
      publish(a, coffee, T0),
      enrol(a, 'mem_anna', T0 + 1),
      stamp(a, 'mem_anna', 10, T0 + 2),
      enrol(a, 'mem_ben', T0 + 3),
      redeem(a, 'mem_anna', T0 + 4),
      redeem(a, 'mem_anna', T0 + 5),
    ];
    const [published, anna, annaStamps, ben, first, second] = events as [
      LedgerEvent,
      LedgerEvent,
      LedgerEvent,
      LedgerEvent,
      LedgerEvent,
      LedgerEvent,
    ];
    const backInTime = [published, anna, annaStamps, second, first, ben];
    const twoRuns = [published, anna, annaStamps, first, ben, second];
    for (const input of [backInTime, twoRuns]) {
      expect(foldAccounts(input)).toBeUndefined();
      const views = foldInAccountOrder(input);
      expect(views.redemptions.get(second.id)?.overdraft).toBe(true);
      expect(views.redemptions.get(first.id)?.overdraft).toBe(false);
      expect(snapshotWith(events, views)).toEqual(totalOrderSnapshot(events));
    }
  });

  it('stamps each event with the program version in effect at its place in total order', () => {
    const { a, enrol, stamp, publish } = coffeeLedger();
    const lapsing: ProgramRules = { ...coffee, expiry: { inactivityDays: 1 } };
    const events = [
      publish(a, coffee, T0),
      enrol(a, 'mem_anna', T0),
      enrol(a, 'mem_ben', T0),
      stamp(a, 'mem_ben', 3, T0 + DAY),
      stamp(a, 'mem_ben', 1, T0 + 5 * DAY), // v1: nothing lapses
      publish(a, lapsing, T0 + 6 * DAY, 2),
      stamp(a, 'mem_anna', 3, T0 + 7 * DAY),
      stamp(a, 'mem_anna', 1, T0 + 10 * DAY), // v2: the first three lapse
    ];
    // Anna's account comes first and ends after v2; Ben's begins before it.
    const views = walked(inAccountOrder(events));
    expect(views.members.get('mem_anna')?.balances.get('prg_coffee')).toMatchObject({
      balance: 1,
      lapsed: 3,
    });
    expect(views.members.get('mem_ben')?.balances.get('prg_coffee')).toMatchObject({
      balance: 4,
      lapsed: 0,
    });
    expect(views.programs.get('prg_coffee')?.version).toBe(2);
  });

  it('gives a card linked by two accounts to the one that linked it first in total order', () => {
    const { a, b, enrol, link, stamp } = coffeeLedger();
    const events = [
      enrol(a, 'mem_zoe', T0),
      enrol(b, 'mem_anna', T0),
      link(a, 'mem_zoe', 'crd_shared', T0 + 1000), // first, though Zoe's account comes last
      link(b, 'mem_anna', 'crd_shared', T0 + 2000),
      stamp(a, 'mem_zoe', 2, T0 + 3000, { card: 'crd_shared' }),
      stamp(b, 'mem_anna', 2, T0 + 4000, { card: 'crd_shared' }),
    ];
    const views = walked(inAccountOrder(events));
    expect(views.cards.get('crd_shared')).toMatchObject({
      member: 'mem_zoe',
      lastStampMs: T0 + 3000,
    });
    expect(views.members.get('mem_anna')?.cards).toEqual([]);
    expect(snapshotWith(events, views)).toEqual(totalOrderSnapshot(events));
  });

  it('blocks a card only when the block comes after its link', () => {
    const { a, enrol, link } = coffeeLedger();
    const block = (card: string, at: number) =>
      a.event('card.blocked', { card, reason: 'lost' }, at);
    const events = [
      enrol(a, 'mem_anna', T0),
      block('crd_early', T0 + 1000), // before the link: ignored
      link(a, 'mem_anna', 'crd_early', T0 + 2000),
      link(a, 'mem_anna', 'crd_lost', T0 + 3000),
      block('crd_lost', T0 + 4000),
    ];
    const views = walked(inAccountOrder(events));
    expect(views.cards.get('crd_early')?.blocked).toBe(false);
    expect(views.cards.get('crd_lost')).toMatchObject({ blocked: true, blockedReason: 'lost' });
  });

  it('folds merged accounts together: after a merge, the surviving account pays', () => {
    const { a, enrol, link, stamp, redeem } = coffeeLedger();
    const events = [
      enrol(a, 'mem_anna', T0),
      enrol(a, 'mem_ben', T0),
      stamp(a, 'mem_anna', 10, T0 + 1),
      link(a, 'mem_ben', 'crd_ben', T0 + 2),
      a.event('member.merged', { from: 'mem_ben', into: 'mem_anna' }, T0 + 3),
      redeem(a, 'mem_ben', T0 + 4), // Ben's card at the counter: Anna's stamps pay
      stamp(a, 'mem_ben', 1, T0 + 5, { card: 'crd_ben' }),
    ];
    const redemption = events[5] as LedgerEvent;
    const views = walked(inAccountOrder(events));
    expect(views.redemptions.get(redemption.id)?.overdraft).toBe(false);
    expect(views.members.get('mem_anna')?.balances.get('prg_coffee')?.balance).toBe(1);
    expect(views.cards.get('crd_ben')).toMatchObject({ member: 'mem_anna', lastStampMs: T0 + 5 });
    expect(snapshotWith(events, views)).toEqual(totalOrderSnapshot(events));
  });
});

describe('account order', () => {
  it('puts events of no account first, then each account in total order', () => {
    const { a, enrol, stamp, publish } = coffeeLedger();
    const events = [
      publish(a, coffee, T0),
      stamp(a, 'mem_ben', 1, T0 + 1),
      stamp(a, 'mem_anna', 1, T0 + 2),
      a.event('event.voided', { target: 'x', reason: 'cashier_undo' }, T0 + 3),
      enrol(a, 'mem_ben', T0 + 4),
    ];
    const [published, ben1, anna1, voided, benEnrolled] = events;
    expect(inAccountOrder(events)).toEqual([published, voided, anna1, ben1, benEnrolled]);
  });

  it('names the member of every event that changes an account, and none for the rest', () => {
    const { a, enrol, stamp, redeem, publish, link } = coffeeLedger();
    const owned = [
      enrol(a, 'mem_anna', T0),
      a.event('member.updated', { member: 'mem_anna', name: 'Anna' }, T0),
      a.event('member.erased', { member: 'mem_anna' }, T0),
      link(a, 'mem_anna', 'crd_one', T0),
      stamp(a, 'mem_anna', 1, T0),
      redeem(a, 'mem_anna', T0),
    ];
    const unowned = [
      publish(a, coffee, T0),
      a.event('member.merged', { from: 'mem_anna', into: 'mem_ben' }, T0),
      a.event('card.blocked', { card: 'crd_one', reason: 'lost' }, T0),
      a.event('event.voided', { target: 'x', reason: 'cashier_undo' }, T0),
      a.event('feedback.given', { member: 'mem_anna', rating: 5 }, T0),
    ];
    expect(owned.map(accountOf)).toEqual(owned.map(() => 'mem_anna'));
    expect(unowned.map(accountOf)).toEqual(unowned.map(() => undefined));
  });
});
