/**
 * The day-end close on the terminal's real storage (Dexie on fake-indexeddb, the real
 * signing key): the last close found is this terminal's newest, the next report starts
 * where it ended, and two windows confirming the same report at once record one close.
 */
import { describe, expect, it } from 'vitest';
import {
  closeDay,
  lastCloseOf,
  loadDayEnd,
} from '../../../../renderer/manager/day-end/day-end-store';
import { readWrite } from '../../../../renderer/storage/database';
import { readMeta } from '../../../../renderer/storage/meta';
import { recordEvents } from '../../../../renderer/storage/record-events';
import { stampPurchase } from '../../../../renderer/terminal/counter-actions';
import { DEFAULT_PROGRAM_ID } from '../../../../renderer/terminal/first-run';
import { enrolMember } from '../../../../renderer/terminal/member-actions';
import { terminalBuilder } from '../../../support/ledger-builder';
import { storedEvents } from '../../../support/stored-projection';
import { setUpTestTerminal, START_MS, type TestTerminal } from '../../../support/terminal-setup';

const MINUTE = 60_000;

async function stampSomeone(t: TestTerminal, atMs: number) {
  const enrolled = await enrolMember(t.at(atMs), DEFAULT_PROGRAM_ID, {
    profile: { name: 'Anna', marketingConsent: false },
  });
  if (!enrolled.ok) throw new Error(enrolled.error.code);
  const stamped = await stampPurchase(
    t.at(atMs + 1000),
    enrolled.value.member,
    DEFAULT_PROGRAM_ID,
    {
      items: 1,
    },
  );
  if (!stamped.ok) throw new Error(stamped.error.code);
}

async function view(t: TestTerminal, atMs: number) {
  const loaded = await loadDayEnd(t.db, atMs);
  if (!loaded.ok) throw new Error(loaded.error.code);
  return loaded.value;
}

const closesIn = async (t: TestTerminal) =>
  (await storedEvents(t.db)).filter((event) => event.type === 'day.closed');

describe('the day-end close', () => {
  it('records one close when two windows confirm the same report at once', async () => {
    const t = await setUpTestTerminal();
    await stampSomeone(t, START_MS + MINUTE);
    const staff = t.at(START_MS).session.staff;
    // Two windows read the same report, then both confirm.
    const first = await view(t, START_MS + 5 * MINUTE);
    const second = await view(t, START_MS + 5 * MINUTE);
    expect(first.report.totals.stamps).toBe(1);
    const outcomes = await Promise.all([
      closeDay(t.db, first, staff),
      closeDay(t.db, second, staff),
    ]);

    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(outcomes.flatMap((o) => (o.ok ? [] : [o.error]))).toEqual([
      { code: 'closed_meanwhile' },
    ]);
    expect(await closesIn(t)).toHaveLength(1);
  });

  it('leaves the clock and the outbox as they were when the close is refused', async () => {
    const t = await setUpTestTerminal();
    await stampSomeone(t, START_MS + MINUTE);
    const staff = t.at(START_MS).session.staff;
    const stale = await view(t, START_MS + 5 * MINUTE);
    expect((await closeDay(t.db, stale, staff)).ok).toBe(true);
    const cursor = await readMeta(t.db, 'cursor');
    const events = await t.db.events.count();

    expect(await closeDay(t.db, stale, staff)).toEqual({
      ok: false,
      error: { code: 'closed_meanwhile' },
    });
    expect(await readMeta(t.db, 'cursor')).toEqual(cursor);
    expect(await t.db.events.count()).toBe(events);
  });

  it('starts the next report at the newest close of this terminal, not of another', async () => {
    const t = await setUpTestTerminal();
    const staff = t.at(START_MS).session.staff;
    await stampSomeone(t, START_MS + MINUTE);
    const closedFirst = await closeDay(t.db, await view(t, START_MS + 5 * MINUTE), staff);
    await stampSomeone(t, START_MS + 10 * MINUTE);
    const closedSecond = await closeDay(t.db, await view(t, START_MS + 15 * MINUTE), staff);
    if (!closedFirst.ok || !closedSecond.ok) throw new Error('a close was refused');

    // Another terminal of the store closes later, and sync brings its close here.
    const identity = await readMeta(t.db, 'identity');
    if (!identity) throw new Error('not set up');
    const other = terminalBuilder('term_other', { tenant: identity.tenant, store: identity.store });
    const foreign = other.event(
      'day.closed',
      {
        store: identity.store,
        terminal: 'term_other',
        from: closedSecond.value.hlc,
        to: closedSecond.value.hlc,
        totals: { events: 0, stamps: 0, redemptions: 0, enrolments: 0, voids: 0, feedback: 0 },
      },
      Date.now() + MINUTE,
    );
    await readWrite(t.db, (tx) => recordEvents(tx, [foreign], { pending: false }));

    expect((await lastCloseOf(t.db, identity.terminal))?.id).toBe(closedSecond.value.id);
    expect((await lastCloseOf(t.db, 'term_other'))?.id).toBe(foreign.id);
    const next = await view(t, START_MS + 20 * MINUTE);
    expect(closedSecond.value.type === 'day.closed' && closedSecond.value.data.to).toBe(
      next.lastCloseTo,
    );
    expect(next.closedAlready).toBe(true);
    expect(next.report.totals.events).toBe(0);
  });
});
