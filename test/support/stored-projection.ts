/**
 * The terminal's stored projection read back as a shared projection snapshot, so that a
 * test can compare it with a fold of the stored events, field by field.
 */
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import type { LedgerEvent } from '../../shared/ledger/envelope';
import { createProjection, foldEvents } from '../../shared/projection/projection';
import { projectionSnapshot, type ProjectionSnapshot } from '../../shared/projection/snapshot';
import type { BalanceView, MemberView } from '../../shared/projection/views';
import { openDatabase, type TreuDatabase } from '../../renderer/storage/database';

let databases = 0;

/** A new, empty terminal database on fake-indexeddb. */
export function testDatabase(): TreuDatabase {
  databases += 1;
  return openDatabase(`treu-test-${databases}-${Math.random().toString(36).slice(2)}`, {
    host: { indexedDB, IDBKeyRange },
  });
}

export async function storedEvents(db: TreuDatabase): Promise<LedgerEvent[]> {
  return (await db.events.orderBy('[hlc+id]').toArray()).map((row) => row.event);
}

export async function storedSnapshot(db: TreuDatabase): Promise<ProjectionSnapshot> {
  const p = createProjection();
  p.ordered = await storedEvents(db);
  const balances = new Map<string, Map<string, BalanceView>>();
  for (const balance of await db.balances.toArray()) {
    const perProgram = balances.get(balance.member) ?? new Map<string, BalanceView>();
    perProgram.set(balance.program, balance);
    balances.set(balance.member, perProgram);
  }
  for (const { search: _search, ...row } of await db.members.toArray()) {
    const member: MemberView = {
      ...row,
      cards: [...row.cards],
      balances: balances.get(row.id) ?? new Map<string, BalanceView>(),
    };
    p.views.members.set(row.id, member);
  }
  for (const card of await db.cards.toArray()) p.views.cards.set(card.id, card);
  for (const r of await db.redemptions.toArray()) p.views.redemptions.set(r.id, r);
  for (const program of await db.programs.toArray()) p.views.programs.set(program.id, program);
  return projectionSnapshot(p);
}

/** What the shared fold makes of the stored events. */
export async function foldedSnapshot(db: TreuDatabase): Promise<ProjectionSnapshot> {
  return projectionSnapshot(foldEvents(await storedEvents(db)));
}
