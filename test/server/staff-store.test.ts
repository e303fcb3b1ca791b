/**
 * The store's staff list in the server store, on SQLite and PostgreSQL (the same tests
 * for both): last writer wins per record by its clock version, whatever order the
 * versions arrive in; a removal is a change, never a delete; the audit keeps each entry
 * once; and one store's list is never another store's or tenant's.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ServerStore } from '../../server/store/server-store';
import type { StaffAuditEntry, StaffRecord } from '../../shared/sync/staff-protocol';
import {
  postgresKind,
  sqliteKind,
  type OpenedStore,
  type StoreKind,
} from '../support/server-stores';
import { addedEntry, staffRecord } from '../support/staff-records';
import { versionAt } from '../support/versions';

const NOW = Date.UTC(2026, 10, 24, 9);

const at = versionAt;
const record = (id: string, overrides: Partial<StaffRecord> = {}): StaffRecord =>
  staffRecord(id, NOW, overrides);
const entry = (n: number, overrides: Partial<StaffAuditEntry> = {}): StaffAuditEntry =>
  addedEntry(n, NOW, overrides);

function describeStaffStore(kind: StoreKind) {
  describe(`the staff list in the ${kind.name} store`, () => {
    let opened: OpenedStore;
    let store: ServerStore;

    beforeEach(async () => {
      opened = await kind.open();
      store = opened.store;
    });
    afterEach(async () => {
      await opened.dispose();
    });

    it('keeps per record the newer version, in whatever order versions arrive', async () => {
      const first = record('stf_ben', { changedAt: at(NOW, 0, 'term_a') });
      const renamed = record('stf_ben', { name: 'Ben K', changedAt: at(NOW + 5, 0, 'term_b') });
      const removed = record('stf_ben', {
        removedMs: NOW + 9,
        changedAt: at(NOW + 9, 1, 'term_a'),
      });
      // The same counter and millisecond on two terminals: the terminal id decides.
      const tieA = record('stf_cy', { role: 'manager', changedAt: at(NOW, 3, 'term_a') });
      const tieB = record('stf_cy', { role: 'cashier', changedAt: at(NOW, 3, 'term_b') });
      await store.saveStaff('ten_a', 'sto_1', [removed, tieB], []);
      await store.saveStaff('ten_a', 'sto_1', [first, renamed, tieA], []);
      await store.saveStaff('ten_a', 'sto_1', [renamed], []);
      expect((await store.staffOf('ten_a', 'sto_1')).staff).toEqual([removed, tieB]);
    });

    it('replaces nothing with an equal version, and keeps a removal as a record', async () => {
      const kept = record('stf_dee', { changedAt: at(NOW + 1) });
      await store.saveStaff('ten_a', 'sto_1', [kept], []);
      await store.saveStaff('ten_a', 'sto_1', [{ ...kept, name: 'Other' }], []);
      const gone = { ...kept, removedMs: NOW + 2, changedAt: at(NOW + 2) };
      await store.saveStaff('ten_a', 'sto_1', [gone], []);
      expect((await store.staffOf('ten_a', 'sto_1')).staff).toEqual([gone]);
    });

    it('keeps each audit entry once, oldest first, whatever was pushed twice', async () => {
      await store.saveStaff('ten_a', 'sto_1', [], [entry(2), entry(1)]);
      await store.saveStaff('ten_a', 'sto_1', [], [entry(1), entry(3, { change: 'removed' })]);
      await store.saveStaff('ten_a', 'sto_1', [], [{ ...entry(2), change: 'pin_reset' }]);
      const { audit } = await store.staffOf('ten_a', 'sto_1');
      expect(audit).toEqual([entry(1), entry(2), entry(3, { change: 'removed', role: 'cashier' })]);
    });

    it('keeps each store’s list apart, within a tenant and across tenants', async () => {
      const mine = record('stf_same', { name: 'Mine' });
      const theirs = record('stf_same', { name: 'Theirs', changedAt: at(NOW + 100) });
      await store.saveStaff('ten_a', 'sto_1', [mine], [entry(1)]);
      await store.saveStaff('ten_a', 'sto_2', [theirs], [entry(1, { by: 'stf_other' })]);
      await store.saveStaff('ten_b', 'sto_1', [theirs], []);
      expect(await store.staffOf('ten_a', 'sto_1')).toEqual({ staff: [mine], audit: [entry(1)] });
      expect((await store.staffOf('ten_a', 'sto_2')).staff).toEqual([theirs]);
      expect(await store.staffOf('ten_b', 'sto_2')).toEqual({ staff: [], audit: [] });
    });

    it('lists records by id and keeps a batch whole', async () => {
      const batch = ['stf_c', 'stf_a', 'stf_b'].map((id) => record(id));
      await store.saveStaff('ten_a', 'sto_1', batch, [entry(1), entry(2)]);
      const { staff, audit } = await store.staffOf('ten_a', 'sto_1');
      expect(staff.map((r) => r.id)).toEqual(['stf_a', 'stf_b', 'stf_c']);
      expect(audit).toHaveLength(2);
    });
  });
}

describeStaffStore(sqliteKind);
const postgres = postgresKind();
if (postgres.missing === undefined) {
  beforeAll(() => postgres.setUp());
  afterAll(() => postgres.tearDown());
  describeStaffStore(postgres);
} else {
  describe('the staff list in the PostgreSQL store', () => {
    it.skip(`skipped: ${postgres.missing}`, () => undefined);
  });
}
