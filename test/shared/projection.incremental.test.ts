/**
 * How the incremental fold gets to the full fold's answer: in place for events that
 * come last, by refolding one member cluster for a late event or an undo, and, for a
 * program published out of order, the clusters of the members whose stamps it governs.
 * The results are checked against the full fold; which views were rebuilt is checked by
 * object identity.
 */
import { describe, expect, it } from 'vitest';
import type { LedgerEvent } from '../../shared/ledger/envelope';
import {
  applyEvent,
  applyEvents,
  createProjection,
  foldEvents,
  type Projection,
} from '../../shared/projection/projection';
import { projectionSnapshot } from '../../shared/projection/snapshot';
import type { ProgramRules } from '../../shared/rules/program-schema';
import { coffeeLedger } from '../support/coffee-ledger';

const T0 = Date.UTC(2026, 0, 5, 9);
const DAY_MS = 86_400_000;
const coffee: ProgramRules = {
  earn: { per: 'item', stamps: 1 },
  rewards: [{ id: 'rwd_free', name: 'Free coffee', cost: 3, kind: 'free_item' }],
};

const setup = coffeeLedger;

const incrementally = (...batches: LedgerEvent[][]): Projection => {
  const p = createProjection();
  for (const batch of batches) applyEvents(p, batch);
  return p;
};

const sameAsFullFold = (p: Projection, events: LedgerEvent[]) => {
  expect(projectionSnapshot(p)).toEqual(projectionSnapshot(foldEvents(events)));
};

describe('incremental fold', () => {
  it('folds events that come last in place, without building an index', () => {
    const { a, enrol, stamp, publish } = setup();
    const first = [publish(a, coffee, T0), enrol(a, 'mem_anna', T0 + 1)];
    const p = incrementally(first);
    const views = p.views;
    const more = [stamp(a, 'mem_anna', 2, T0 + 1000), stamp(a, 'mem_anna', 1, T0 + 2000)];
    applyEvents(p, more);
    expect(p.views).toBe(views);
    expect(p.index).toBeUndefined();
    sameAsFullFold(p, [...first, ...more]);
  });

  it('refolds only the cluster of a redemption that arrives late, and flags the overdraft it causes', () => {
    const { a, b, enrol, stamp, redeem, publish } = setup();
    const base = [
      publish(a, coffee, T0),
      enrol(a, 'mem_anna', T0 + 1),
      enrol(a, 'mem_ben', T0 + 2),
      stamp(a, 'mem_anna', 3, T0 + 1000),
      stamp(a, 'mem_ben', 3, T0 + 1000),
    ];
    const lateRedemption = redeem(b, 'mem_anna', T0 + 1500, 3); // offline on terminal b
    const onTime = redeem(a, 'mem_anna', T0 + 3000, 3);
    const p = incrementally(base, [onTime]);
    const ben = p.views.members.get('mem_ben');
    const annaBefore = p.views.members.get('mem_anna');
    applyEvent(p, lateRedemption);
    expect(p.views.members.get('mem_ben')).toBe(ben);
    expect(p.views.members.get('mem_anna')).not.toBe(annaBefore);
    expect(p.views.redemptions.get(onTime.id)?.overdraft).toBe(true);
    expect(p.views.redemptions.get(lateRedemption.id)?.overdraft).toBe(false);
    sameAsFullFold(p, [...base, onTime, lateRedemption]);
  });

  it('refolds the cluster of an event from an earlier batch that a void undoes', () => {
    const { a, enrol, stamp, publish } = setup();
    const base = [
      publish(a, coffee, T0),
      enrol(a, 'mem_anna', T0 + 1),
      enrol(a, 'mem_ben', T0 + 2),
    ];
    const given = stamp(a, 'mem_anna', 5, T0 + 1000);
    const toBen = stamp(a, 'mem_ben', 1, T0 + 1500);
    const p = incrementally(base, [given, toBen]);
    const ben = p.views.members.get('mem_ben');
    const undo = a.event('event.voided', { target: given.id, reason: 'cashier_undo' }, T0 + 2000);
    applyEvent(p, undo);
    expect(p.views.members.get('mem_ben')).toBe(ben);
    expect(p.views.members.get('mem_anna')?.balances.get('prg_coffee')).toBeUndefined();
    sameAsFullFold(p, [...base, given, toBen, undo]);
  });

  it('takes members that merge or share a card into the same cluster', () => {
    const { a, b, enrol, stamp, link, publish } = setup();
    const base = [
      publish(a, coffee, T0),
      enrol(a, 'mem_anna', T0 + 1),
      enrol(a, 'mem_ben', T0 + 2),
      enrol(a, 'mem_cleo', T0 + 3),
      link(a, 'mem_anna', 'crd_one', T0 + 10),
      stamp(a, 'mem_anna', 2, T0 + 1000, { card: 'crd_one' }),
      a.event('member.merged', { from: 'mem_ben', into: 'mem_cleo' }, T0 + 2000),
    ];
    // Terminal b linked the same card to Ben earlier, while offline: the card is Ben's,
    // so it moved to Cleo with the merge, and Anna's stamp no longer times its cooldown.
    const lateLink = link(b, 'mem_ben', 'crd_one', T0 + 5);
    const p = incrementally(base);
    applyEvent(p, lateLink);
    expect(p.views.cards.get('crd_one')).toMatchObject({
      member: 'mem_cleo',
      lastStampMs: undefined,
    });
    expect(p.views.members.get('mem_cleo')?.cards).toEqual(['crd_one']);
    expect(p.views.members.get('mem_anna')?.cards).toEqual([]);
    sameAsFullFold(p, [...base, lateLink]);
  });

  it('refolds, for a program published out of order, only the members whose stamps it governs', () => {
    const { a, b, enrol, stamp, publish } = setup();
    const base = [
      publish(a, coffee, T0),
      enrol(a, 'mem_anna', T0 + 1),
      enrol(a, 'mem_ben', T0 + 2),
      stamp(a, 'mem_anna', 2, T0 + 1000),
      stamp(a, 'mem_ben', 2, T0 + 1000),
      stamp(a, 'mem_anna', 1, T0 + 40 * DAY_MS),
    ];
    const p = incrementally(base);
    const views = p.views;
    const ben = p.views.members.get('mem_ben');
    const annaBefore = p.views.members.get('mem_anna');
    // Version 2, with expiry, published on terminal b on day 10 and synced after day 40.
    const expiring = { ...coffee, expiry: { inactivityDays: 30 } };
    const lateProgram = publish(b, expiring, T0 + 10 * DAY_MS, 2);
    applyEvent(p, lateProgram);
    expect(p.views).toBe(views);
    expect(p.views.members.get('mem_ben')).toBe(ben);
    expect(p.views.members.get('mem_anna')).not.toBe(annaBefore);
    // Anna's stamp on day 40 comes 40 days after her last visit: under version 2 her two
    // earlier stamps lapse first.
    expect(p.views.members.get('mem_anna')?.balances.get('prg_coffee')).toMatchObject({
      balance: 1,
      lapsed: 2,
    });
    expect(p.views.programs.get('prg_coffee')).toMatchObject({ version: 2, rules: expiring });
    sameAsFullFold(p, [...base, lateProgram]);
  });

  it('refolds nobody for a late program version that changes only what the fold does not read', () => {
    const { a, b, enrol, stamp, publish } = setup();
    const base = [
      publish(a, coffee, T0),
      enrol(a, 'mem_anna', T0 + 1),
      stamp(a, 'mem_anna', 2, T0 + 1000),
      stamp(a, 'mem_anna', 1, T0 + 40 * DAY_MS),
    ];
    const p = incrementally(base);
    const anna = p.views.members.get('mem_anna');
    // Version 2 makes the reward dearer and stamps per visit: neither lapses nor local days.
    const dearer: ProgramRules = {
      earn: { per: 'visit', stamps: 2 },
      rewards: [{ id: 'rwd_free', name: 'Free coffee', cost: 5, kind: 'free_item' }],
    };
    const lateProgram = publish(b, dearer, T0 + 10 * DAY_MS, 2);
    applyEvent(p, lateProgram);
    expect(p.views.members.get('mem_anna')).toBe(anna);
    expect(p.views.programs.get('prg_coffee')).toMatchObject({ version: 2, rules: dearer });
    sameAsFullFold(p, [...base, lateProgram]);
  });

  it('refolds for a late program version only the members with stamps before the next version', () => {
    const { a, b, enrol, stamp, publish } = setup();
    const base = [
      publish(a, coffee, T0),
      enrol(a, 'mem_anna', T0 + 1),
      enrol(a, 'mem_ben', T0 + 2),
      stamp(a, 'mem_anna', 2, T0 + 1000),
      stamp(a, 'mem_ben', 2, T0 + 1000),
      stamp(a, 'mem_anna', 1, T0 + 15 * DAY_MS),
      publish(a, coffee, T0 + 20 * DAY_MS, 3),
      stamp(a, 'mem_ben', 1, T0 + 40 * DAY_MS),
    ];
    const p = incrementally(base);
    const anna = p.views.members.get('mem_anna');
    const ben = p.views.members.get('mem_ben');
    // Version 2 governs Anna's stamp on day 15; Ben's on day 40 falls under version 3.
    const lateProgram = publish(
      b,
      { ...coffee, expiry: { inactivityDays: 30 } },
      T0 + 10 * DAY_MS,
      2,
    );
    applyEvent(p, lateProgram);
    expect(p.views.members.get('mem_anna')).not.toBe(anna);
    expect(p.views.members.get('mem_ben')).toBe(ben);
    expect(p.views.programs.get('prg_coffee')?.version).toBe(3);
    sameAsFullFold(p, [...base, lateProgram]);
  });

  it('weighs each of two late versions of a program against the stored version before it', () => {
    const { a, b, enrol, stamp, publish } = setup();
    const base = [
      publish(a, coffee, T0),
      enrol(a, 'mem_ben', T0 + 2),
      stamp(a, 'mem_ben', 2, T0 + 1000),
      stamp(a, 'mem_ben', 1, T0 + 40 * DAY_MS),
    ];
    const p = incrementally(base);
    // Versions 2 and 3 read alike, but both otherwise than version 1, which governed Ben's
    // stamp on day 40 until they came; now version 3 does, and his first stamps lapse.
    const expiring = { ...coffee, expiry: { inactivityDays: 30 } };
    const late = [
      publish(b, expiring, T0 + 5 * DAY_MS, 2),
      publish(b, expiring, T0 + 10 * DAY_MS, 3),
    ];
    applyEvents(p, late);
    expect(p.views.members.get('mem_ben')?.balances.get('prg_coffee')?.lapsed).toBe(2);
    sameAsFullFold(p, [...base, ...late]);
  });

  it('keeps the newer version as the program after a late one, and folds the stamps between under the late one', () => {
    const { a, b, enrol, stamp, publish } = setup();
    const expiring = { ...coffee, expiry: { inactivityDays: 30 } };
    const base = [
      publish(a, coffee, T0),
      enrol(a, 'mem_anna', T0 + 1),
      stamp(a, 'mem_anna', 2, T0 + 1000),
      stamp(a, 'mem_anna', 1, T0 + 40 * DAY_MS),
      publish(a, coffee, T0 + 50 * DAY_MS, 3),
    ];
    const p = incrementally(base);
    const lateProgram = publish(b, expiring, T0 + 10 * DAY_MS, 2);
    applyEvent(p, lateProgram);
    expect(p.views.programs.get('prg_coffee')?.version).toBe(3);
    expect(p.views.members.get('mem_anna')?.balances.get('prg_coffee')?.lapsed).toBe(2);
    sameAsFullFold(p, [...base, lateProgram]);
  });

  it('drops an event it has folded before, also when it comes back late', () => {
    const { a, enrol, stamp, publish } = setup();
    const events = [
      publish(a, coffee, T0),
      enrol(a, 'mem_anna', T0 + 1),
      stamp(a, 'mem_anna', 2, T0 + 9),
    ];
    const p = incrementally(events, [stamp(a, 'mem_anna', 1, T0 + 5000)]);
    const before = projectionSnapshot(p);
    applyEvents(p, events);
    expect(p.ordered).toHaveLength(4);
    expect(projectionSnapshot(p)).toEqual(before);
  });
});
