/**
 * The append path keeps the clock and `seq` it last committed, and checks them against
 * the stored ones in the commit: two tabs of one terminal, appending in turn, still give
 * every event the next `seq` and a later clock.
 */
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../renderer/storage/database';
import { readMeta } from '../../renderer/storage/meta';
import { appendEvents } from '../../renderer/terminal/append-events';
import { storedEvents } from '../support/stored-projection';
import { setUpTestTerminal, START_MS } from '../support/terminal-setup';

describe('appending from two tabs of one terminal', () => {
  it('gives every event the next seq and a later clock, whichever tab appends', async () => {
    const t = await setUpTestTerminal();
    const secondTab = openDatabase(t.db.dexie.name, { host: { indexedDB, IDBKeyRange } });
    const before = (await storedEvents(t.db)).length;
    const tabs = [t.db, secondTab, secondTab, t.db, secondTab, t.db, t.db];
    for (const [i, tab] of tabs.entries()) {
      await appendEvents(tab, [{ type: 'feedback.given', data: { rating: 5 } }], {
        nowMs: START_MS + i * 1_000,
      });
    }
    const events = await storedEvents(t.db);
    // A commit that found the other tab's cursor was undone whole, then signed again.
    expect(events).toHaveLength(before + tabs.length);
    expect(events.map((event) => event.seq)).toEqual(events.map((_, i) => i + 1));
    const hlcs = events.map((event) => event.hlc);
    expect(new Set(hlcs).size).toBe(hlcs.length);
    expect((await readMeta(secondTab, 'cursor'))?.seq).toBe(events.length);
    secondTab.dexie.close();
  });
});
