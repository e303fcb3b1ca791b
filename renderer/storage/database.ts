/**
 * The terminal's IndexedDB database through Dexie: the tables of rows.ts, every
 * transaction with durability `strict` (the counter says "done" only once the event is
 * on disk, docs/architecture.md, Principle 1).
 */
import { Dexie, type Table, type Transaction } from 'dexie';
import { migrations } from './migrations';
import type {
  BalanceRow,
  CardRow,
  EventRefRow,
  EventRow,
  MemberRow,
  MetaRow,
  ProgramRow,
  RedemptionRow,
  StaffLogRow,
  StaffRow,
} from './rows';

export interface TreuDatabase {
  readonly dexie: Dexie;
  readonly events: Table<EventRow, string>;
  readonly eventRefs: Table<EventRefRow, [string, string, string]>;
  readonly members: Table<MemberRow, string>;
  readonly cards: Table<CardRow, string>;
  readonly balances: Table<BalanceRow, [string, string]>;
  readonly redemptions: Table<RedemptionRow, string>;
  readonly programs: Table<ProgramRow, string>;
  readonly staff: Table<StaffRow, string>;
  readonly staffLog: Table<StaffLogRow, string>;
  readonly meta: Table<MetaRow, string>;
}

export const DEFAULT_DATABASE_NAME = 'treu-terminal';

/** Where IndexedDB comes from: the browser's, or fake-indexeddb in Node tests. */
export interface IndexedDbHost {
  readonly indexedDB: IDBFactory;
  readonly IDBKeyRange: typeof IDBKeyRange;
}

type TableSource = Pick<Transaction, 'table'>;

function tablesOf(source: TableSource): Omit<TreuDatabase, 'dexie'> {
  return {
    events: source.table<EventRow, string>('events'),
    eventRefs: source.table<EventRefRow, [string, string, string]>('eventRefs'),
    members: source.table<MemberRow, string>('members'),
    cards: source.table<CardRow, string>('cards'),
    balances: source.table<BalanceRow, [string, string]>('balances'),
    redemptions: source.table<RedemptionRow, string>('redemptions'),
    programs: source.table<ProgramRow, string>('programs'),
    staff: source.table<StaffRow, string>('staff'),
    staffLog: source.table<StaffLogRow, string>('staffLog'),
    meta: source.table<MetaRow, string>('meta'),
  };
}

export interface OpenOptions {
  /** fake-indexeddb in Node tests; the browser's own by default. */
  readonly host?: IndexedDbHost | undefined;
  /**
   * `strict` (the default) for everything the terminal records; `relaxed` only for bulk
   * loads that are repeated whole if interrupted.
   */
  readonly durability?: 'strict' | 'relaxed';
}

export function openDatabase(
  name: string = DEFAULT_DATABASE_NAME,
  options: OpenOptions = {},
): TreuDatabase {
  const dexie = new Dexie(name, {
    chromeTransactionDurability: options.durability ?? 'strict',
    ...options.host,
  });
  for (const migration of migrations) {
    const version = dexie.version(migration.version).stores(migration.stores);
    if ('upgrade' in migration) version.upgrade(migration.upgrade);
  }
  return { dexie, ...tablesOf(dexie) };
}

/** Every table: a counter action reads and writes them in one transaction. */
export const allTables = (db: TreuDatabase) => [
  db.events,
  db.eventRefs,
  db.members,
  db.cards,
  db.balances,
  db.redemptions,
  db.programs,
  db.staff,
  db.staffLog,
  db.meta,
];

/**
 * Runs `work` in one read-write transaction over every table (durability `strict`), on
 * tables bound to that transaction. Dexie finds the current transaction through a zone
 * that does not survive awaiting a promise that did no Dexie work; bound tables join the
 * transaction whatever was awaited before. If `work` throws, nothing it wrote is kept.
 */
export function readWrite<T>(db: TreuDatabase, work: (tx: TreuDatabase) => Promise<T>): Promise<T> {
  return db.dexie.transaction('rw', allTables(db), (transaction) =>
    work({ dexie: db.dexie, ...tablesOf(transaction) }),
  );
}

/**
 * Runs `work` in one read-only transaction over every table: one snapshot, and one
 * transaction's overhead instead of one per read. Its answer is there as soon as `work`
 * has it: a read-only transaction has nothing to commit, so its end is not waited for.
 */
export function readOnly<T>(db: TreuDatabase, work: (tx: TreuDatabase) => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    db.dexie
      .transaction('r', allTables(db), async (transaction) => {
        const value = await work({ dexie: db.dexie, ...tablesOf(transaction) });
        // Out of the transaction's zone: what the caller does next is not part of it.
        Dexie.ignoreTransaction(() => {
          resolve(value);
        });
      })
      .catch(reject);
  });
}
