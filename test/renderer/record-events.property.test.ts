/**
 * The terminal's stored projection against the shared fold: random event sets from
 * three terminals, recorded in random batches and arrival orders (as a sync delivers
 * them), leave exactly the projection that a full fold of the stored events gives.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readWrite } from '../../renderer/storage/database';
import type { LedgerEvent } from '../../shared/ledger/envelope';
import { inTotalOrder } from '../../shared/ledger/order';
import { recordEvents } from '../../renderer/storage/record-events';
import { eventSetWithArrivalOrder } from '../support/scenario-arbitrary';
import { foldedSnapshot, storedSnapshot, testDatabase } from '../support/stored-projection';

const RUNS = { numRuns: 300, seed: 20261124 } as const;

const record = async (events: readonly LedgerEvent[], batch: number) => {
  const db = testDatabase();
  for (let i = 0; i < events.length; i += batch) {
    await readWrite(db, (tx) => recordEvents(tx, events.slice(i, i + batch), { pending: false }));
  }
  return db;
};

describe('stored projection', () => {
  it('equals the shared fold when events come in total order, each folded in place', async () => {
    await fc.assert(
      fc.asyncProperty(
        eventSetWithArrivalOrder({ withMerges: true, withExpiry: true, withErasure: true }),
        fc.integer({ min: 1, max: 4 }),
        async ([events], batch) => {
          const db = await record(inTotalOrder([...events]), batch);
          expect(await storedSnapshot(db)).toEqual(await foldedSnapshot(db));
          db.dexie.close();
        },
      ),
      RUNS,
    );
  });

  it('equals the shared fold of the stored events, for any arrival order and batching', async () => {
    await fc.assert(
      fc.asyncProperty(
        eventSetWithArrivalOrder({ withMerges: true, withExpiry: true, withErasure: true }),
        fc.integer({ min: 1, max: 9 }),
        async ([, arrival], batch) => {
          const db = await record(arrival, batch);
          expect(await storedSnapshot(db)).toEqual(await foldedSnapshot(db));
          db.dexie.close();
        },
      ),
      RUNS,
    );
  });
});
