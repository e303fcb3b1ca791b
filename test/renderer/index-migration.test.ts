/**
 * Schema version 5 drops the balances' and cards' `member` indexes: the rows stay, and a
 * member's balances are still read (and deleted by a refold) by the range of their key.
 */
import { Dexie } from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../renderer/storage/database';
import { migration001 } from '../../renderer/storage/migrations/001-initial';
import { migration002 } from '../../renderer/storage/migrations/002-outbox-order';
import { migration003 } from '../../renderer/storage/migrations/003-staff-audit';
import { migration004 } from '../../renderer/storage/migrations/004-store-staff';
import { balancesOfMember, loadViews } from '../../renderer/storage/stored-views';

const balance = (member: string, program: string, count: number) => ({
  member,
  program,
  balance: count,
  earned: count,
  redeemed: 0,
  lapsed: 0,
  overdrafts: 0,
  earnings: [],
  stampsOnActivityDay: 0,
  redemptionsOnActivityDay: 0,
});

describe('migration 005', () => {
  it('drops the member indexes of balances and cards and keeps every row', async () => {
    const name = `treu-migration-${Math.random().toString(36).slice(2)}`;
    const old = new Dexie(name, { indexedDB, IDBKeyRange });
    for (const m of [migration001, migration002, migration003, migration004])
      old.version(m.version).stores(m.stores);
    // Member ids next to each other in key order: a range must not reach into the next.
    await old
      .table('balances')
      .bulkPut([
        balance('mem_a', 'prg_coffee', 3),
        balance('mem_a', 'prg_lunch', 1),
        balance('mem_ab', 'prg_coffee', 7),
      ]);
    await old.table('cards').bulkPut([
      { id: 'crd_1', member: 'mem_a', kind: 'qr', blocked: false },
      { id: 'crd_2', member: 'mem_ab', kind: 'qr', blocked: false },
    ]);
    await old
      .table('members')
      .bulkPut(['mem_a', 'mem_ab'].map((id) => ({ id, cards: [], search: [], enrolledHlc: '0' })));
    old.close();

    const db = openDatabase(name, { host: { indexedDB, IDBKeyRange } });
    await db.dexie.open();
    expect(db.dexie.verno).toBe(5);
    expect(db.balances.schema.indexes.map((index) => index.name)).toEqual([]);
    expect(db.cards.schema.indexes.map((index) => index.name)).toEqual([]);
    expect(await db.cards.count()).toBe(2);

    const views = await loadViews(db, { members: ['mem_a'], cards: [] });
    const held = [...(views.members.get('mem_a')?.balances.values() ?? [])];
    expect(held.map((row) => [row.program, row.balance])).toEqual([
      ['prg_coffee', 3],
      ['prg_lunch', 1],
    ]);

    await balancesOfMember(db, 'mem_a').delete();
    const left = await db.balances.toArray();
    expect(left.map((row) => [row.member, row.program])).toEqual([['mem_ab', 'prg_coffee']]);
    db.dexie.close();
  });
});
