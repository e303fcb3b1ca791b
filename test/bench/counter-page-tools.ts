/**
 * The counter bench's helper page, bundled for Chromium and served next to the terminal
 * (same origin, so the same IndexedDB): it sets the terminal up, writes the preloaded
 * ledger's rows straight into the tables, and times card lookups, name searches and the
 * recording of late program versions with the terminal's own functions. The terminal
 * itself is then measured through its UI.
 */
import { openDatabase, readWrite, type TreuDatabase } from '../../renderer/storage/database';
import { readMeta, writeMeta } from '../../renderer/storage/meta';
import { recordEvents } from '../../renderer/storage/record-events';
import { setUpTerminal } from '../../renderer/terminal/first-run';
import { identify } from '../../renderer/terminal/identify';
import { searchMembers } from '../../renderer/terminal/member-reads';
import { latePublication, type ProgramChange } from './late-programs';

type TableName =
  'events' | 'eventRefs' | 'members' | 'cards' | 'balances' | 'redemptions' | 'programs';

const db: TreuDatabase = openDatabase();
/** The preload is repeated whole if it breaks off: no need to wait for the disk each time. */
const bulk: TreuDatabase = openDatabase(undefined, { durability: 'relaxed' });

async function timeEach<T>(
  items: readonly T[],
  work: (item: T) => Promise<unknown>,
): Promise<number[]> {
  const times: number[] = [];
  for (const item of items) {
    const start = performance.now();
    await work(item);
    times.push(performance.now() - start);
  }
  return times;
}

const tools = {
  async setUp(pin: string): Promise<string> {
    const session = await setUpTerminal(db, {
      storeName: 'Bench café',
      managerName: 'Bench manager',
      managerPin: pin,
      language: 'en',
    });
    if (!session.ok) throw new Error(`setup: ${session.error.code}`);
    const settings = await readMeta(db, 'settings');
    if (settings) await writeMeta(db, 'settings', { ...settings, stampOnScan: true });
    return session.value.staff;
  },
  /** Rows as JSON text: one string crosses to the page far faster than many objects. */
  async put(table: TableName, json: string): Promise<void> {
    // The rows come from the shared fold in Node: the bench trusts their shape.
    await bulk.dexie.table(table).bulkPut(JSON.parse(json) as unknown[]);
  },
  async count(table: TableName): Promise<number> {
    return db.dexie.table(table).count();
  },
  lookups: (codes: readonly string[]) =>
    timeEach(codes, async (code) => {
      const found = await identify(db, code);
      if (!found.ok) throw new Error(`card ${code}: ${found.error.code}`);
    }),
  searches: (names: readonly string[]) =>
    timeEach(names, async (name) => {
      if ((await searchMembers(db, name)).length === 0) throw new Error(`no match for ${name}`);
    }),
  /**
   * Records new versions of the stored programs in turn, each with `change` and published
   * `lateByMs` before the newest stored stamp, one at a time, and times recordEvents for
   * each: what a manager's change costs a terminal that stamped in the meantime (scans
   * wait for it).
   */
  async publishLate(
    lateByMs: number,
    change: ProgramChange,
    count: number,
    first: number,
  ): Promise<number[]> {
    const newest = await db.events
      .orderBy('[hlc+id]')
      .reverse()
      .filter((row) => row.event.type === 'stamps.earned')
      .first();
    if (!newest) throw new Error('No stamp is stored.');
    const times: number[] = [];
    for (let n = first; n < first + count; n++) {
      const programs = await db.programs.toArray();
      const program = programs[n % programs.length];
      if (!program) throw new Error('No program is stored.');
      const late = latePublication(program, newest.event, lateByMs, n, change);
      const start = performance.now();
      await readWrite(db, (tx) => recordEvents(tx, [late], { pending: false }));
      times.push(performance.now() - start);
    }
    return times;
  },
  close(): void {
    db.dexie.close();
    bulk.dexie.close();
  },
};

export type CounterPageTools = typeof tools;

(window as unknown as { treuBench: CounterPageTools }).treuBench = tools;
