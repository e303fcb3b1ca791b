/**
 * Who holds the manager's rights while the store has no current manager. Each terminal
 * refuses to demote or remove the last manager it knows of, but two terminals offline can
 * each demote a different one; after the sync the store has none, and nobody could open
 * the manager's area to mend it. Then the current member of staff longest on the list
 * (earliest `createdMs`, then id: usually the store's first manager, the owner) stands in
 * until someone is made manager again. The same list gives the same stand-in on every
 * terminal, and nothing is written: it ends by itself once there is a manager.
 */
import type { StaffRole, StaffRow } from '../../storage/rows';

export function standInManager(rows: readonly StaffRow[]): StaffRow | undefined {
  const current = rows.filter((row) => row.removedMs === undefined);
  if (current.some((row) => row.role === 'manager')) return undefined;
  return current.reduce<StaffRow | undefined>(
    (first, row) =>
      first === undefined ||
      row.createdMs < first.createdMs ||
      (row.createdMs === first.createdMs && row.id < first.id)
        ? row
        : first,
    undefined,
  );
}

/** The role someone acts in: their own, or manager while they stand in for one. */
export function actingRole(me: StaffRow, rows: readonly StaffRow[]): StaffRole {
  if (me.role === 'manager') return 'manager';
  return standInManager(rows)?.id === me.id ? 'manager' : me.role;
}
