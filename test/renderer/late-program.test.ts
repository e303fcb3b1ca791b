/**
 * A program version that reaches the terminal after later stamps (published on another
 * device while this one kept stamping): the stored projection ends as the full fold has
 * it, and only the rows of the members whose stamps the late version governs, and the
 * fold reads otherwise under it, are written.
 * Which rows were written is seen through Dexie's write hooks.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readWrite, type TreuDatabase } from '../../renderer/storage/database';
import { recordEvents } from '../../renderer/storage/record-events';
import type { LedgerEvent } from '../../shared/ledger/envelope';
import type { ProgramRules } from '../../shared/rules/program-schema';
import { coffeeLedger } from '../support/coffee-ledger';
import { foldedSnapshot, storedSnapshot, testDatabase } from '../support/stored-projection';

const T0 = Date.UTC(2026, 0, 5, 9);
const DAY_MS = 86_400_000;
const coffee: ProgramRules = {
  earn: { per: 'item', stamps: 1 },
  rewards: [{ id: 'rwd_free', name: 'Free coffee', cost: 3, kind: 'free_item' }],
};
const expiring: ProgramRules = { ...coffee, expiry: { inactivityDays: 30 } };

let db: TreuDatabase | undefined;
afterEach(() => db?.dexie.close());

const record = (events: readonly LedgerEvent[]) =>
  readWrite(db as TreuDatabase, (tx) => recordEvents(tx, events, { pending: false }));

/** The members whose member or balance rows are created, changed or deleted from now on. */
function membersWritten(database: TreuDatabase): Set<string> {
  const written = new Set<string>();
  const note = (row: unknown) => {
    const { id, member } = row as { id?: string; member?: string };
    written.add(member ?? id ?? '?');
  };
  for (const name of ['members', 'balances']) {
    const table = database.dexie.table(name);
    table.hook('creating', (_key, row) => {
      note(row);
    });
    table.hook('updating', (_changes, _key, row) => {
      note(row);
    });
    table.hook('deleting', (_key, row) => {
      note(row);
    });
  }
  return written;
}

describe('a program published out of order', () => {
  it('refolds only the members whose later stamps it governs, and ends as the full fold', async () => {
    db = testDatabase();
    const { a, b, enrol, stamp, publish } = coffeeLedger();
    await record([
      publish(a, coffee, T0),
      enrol(a, 'mem_anna', T0 + 1),
      enrol(a, 'mem_ben', T0 + 2),
      stamp(a, 'mem_anna', 2, T0 + 1000),
      stamp(a, 'mem_ben', 2, T0 + 1000),
    ]);
    await record([stamp(a, 'mem_anna', 1, T0 + 40 * DAY_MS)]);
    const written = membersWritten(db);

    await record([publish(b, expiring, T0 + 10 * DAY_MS, 2)]);

    expect([...written]).toEqual(['mem_anna']);
    const anna = await db.balances.get(['mem_anna', 'prg_coffee']);
    expect(anna).toMatchObject({ balance: 1, lapsed: 2 });
    expect(await db.programs.get('prg_coffee')).toMatchObject({ version: 2, rules: expiring });
    expect(await storedSnapshot(db)).toEqual(await foldedSnapshot(db));
  });

  it('writes no member rows for a late version that changes only what the fold does not read', async () => {
    db = testDatabase();
    const { a, b, enrol, stamp, publish } = coffeeLedger();
    await record([
      publish(a, coffee, T0),
      enrol(a, 'mem_anna', T0 + 1),
      stamp(a, 'mem_anna', 2, T0 + 1000),
      stamp(a, 'mem_anna', 1, T0 + 40 * DAY_MS),
    ]);
    const written = membersWritten(db);
    const dearer: ProgramRules = {
      ...coffee,
      rewards: [{ id: 'rwd_free', name: 'Free coffee', cost: 5, kind: 'free_item' }],
    };

    await record([publish(b, dearer, T0 + 10 * DAY_MS, 2)]);

    expect([...written]).toEqual([]);
    expect(await db.programs.get('prg_coffee')).toMatchObject({ version: 2, rules: dearer });
    expect(await storedSnapshot(db)).toEqual(await foldedSnapshot(db));
  });

  it('keeps a newer stored version as the program', async () => {
    db = testDatabase();
    const { a, b, enrol, stamp, publish } = coffeeLedger();
    await record([
      publish(a, coffee, T0),
      enrol(a, 'mem_anna', T0 + 1),
      stamp(a, 'mem_anna', 2, T0 + 1000),
      stamp(a, 'mem_anna', 1, T0 + 40 * DAY_MS),
      publish(a, coffee, T0 + 50 * DAY_MS, 3),
    ]);

    await record([publish(b, expiring, T0 + 10 * DAY_MS, 2)]);

    expect(await db.programs.get('prg_coffee')).toMatchObject({ version: 3, rules: coffee });
    expect((await db.balances.get(['mem_anna', 'prg_coffee']))?.lapsed).toBe(2);
    expect(await storedSnapshot(db)).toEqual(await foldedSnapshot(db));
  });
});
