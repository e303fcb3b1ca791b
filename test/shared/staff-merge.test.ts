/** Merging two versions of a staff record: the newer wins, a removal is for good, any order. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeStaffRecords } from '../../shared/sync/staff-merge';
import type { StaffRecord } from '../../shared/sync/staff-protocol';
import { staffRecord } from '../support/staff-records';
import { versionAt } from '../support/versions';

const record = (changedAt: string, extra: Partial<StaffRecord> = {}): StaffRecord =>
  staffRecord('stf_ben', 1, { name: 'Ben', changedAt, ...extra });
const at = (ms: number, node = 'term_a') => versionAt(ms, 0, node);

describe('mergeStaffRecords', () => {
  it('takes the newer version’s fields', () => {
    const older = record(at(10), { role: 'manager' });
    const newer = record(at(20), { name: 'Ben K.' });
    expect(mergeStaffRecords(older, newer)).toEqual(newer);
    expect(mergeStaffRecords(newer, older)).toEqual(newer);
  });

  it('keeps a removal that an older version made, from the earliest removal', () => {
    const removed = record(at(10), { removedMs: 10 });
    const pinReset = record(at(20), {
      pin: { ...record('').pin, salt: 'b3RoZXJzYWx0b3RoZXJzYWx0' },
    });
    expect(mergeStaffRecords(pinReset, removed)).toEqual({ ...pinReset, removedMs: 10 });
    expect(mergeStaffRecords(removed, pinReset)).toEqual({ ...pinReset, removedMs: 10 });
    expect(mergeStaffRecords(record(at(30), { removedMs: 30 }), removed)).toEqual(
      record(at(30), { removedMs: 10 }),
    );
  });

  it('ends with the same record whatever the order the versions arrive in', () => {
    const version = fc
      .record({
        ms: fc.integer({ min: 1, max: 50 }),
        node: fc.constantFrom('term_a', 'term_b'),
        role: fc.constantFrom('cashier' as const, 'manager' as const),
        removedMs: fc.option(fc.integer({ min: 1, max: 50 }), { nil: undefined }),
      })
      .map((v) =>
        record(at(v.ms, v.node), {
          role: v.role,
          ...(v.removedMs === undefined ? {} : { removedMs: v.removedMs }),
        }),
      );
    fc.assert(
      fc.property(
        // One version is one change: two never share a clock value.
        fc.uniqueArray(version, { minLength: 1, maxLength: 6, selector: (v) => v.changedAt }),
        fc.nat(),
        (versions, seed) => {
          const fold = (list: StaffRecord[]) =>
            list.reduce<StaffRecord | undefined>(
              (held, next) => mergeStaffRecords(next, held),
              undefined,
            );
          const shuffled = [...versions].sort(
            (x, y) => ((x.changedAt.length * 31 + seed) % 7) - ((y.changedAt.length + seed) % 5),
          );
          const reversed = [...versions].reverse();
          const one = fold(versions);
          expect(fold(reversed)).toEqual(one);
          expect(fold(shuffled)).toEqual(one);
          const removals = versions.flatMap((v) =>
            v.removedMs === undefined ? [] : [v.removedMs],
          );
          expect(one?.removedMs).toBe(removals.length > 0 ? Math.min(...removals) : undefined);
        },
      ),
    );
  });
});
