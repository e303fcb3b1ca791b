/**
 * Who holds the manager's rights while the store has no current manager. Each terminal
 * refuses to demote or remove the last manager it knows of, but two terminals offline can
 * each demote a different one; after the sync the store has none, and nobody could open
 * the manager's area to mend it. Then, of the current staff who have been a manager (the
 * audit says so: added as one, or made one), the one longest on the list (earliest
 * `createdMs`, then id: usually the store's first manager, the owner) stands in until
 * someone is made manager again. A cashier who never was a manager never stands in. The
 * same list and audit give the same stand-in on every terminal, and nothing is written:
 * it ends by itself once there is a manager.
 */
import type { StaffLogRow, StaffRole, StaffRow } from '../../storage/rows';

type AuditEntry = Pick<StaffLogRow, 'staff' | 'change' | 'role'>;

function formerManagers(audit: readonly AuditEntry[]): Set<string> {
  return new Set(
    audit.flatMap((entry) =>
      (entry.change === 'added' || entry.change === 'role_changed') && entry.role === 'manager'
        ? [entry.staff]
        : [],
    ),
  );
}

export function standInManager(
  rows: readonly StaffRow[],
  audit: readonly AuditEntry[],
): StaffRow | undefined {
  const current = rows.filter((row) => row.removedMs === undefined);
  if (current.some((row) => row.role === 'manager')) return undefined;
  const managersOnce = formerManagers(audit);
  return current
    .filter((row) => managersOnce.has(row.id))
    .reduce<StaffRow | undefined>(
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
export function actingRole(
  me: StaffRow,
  rows: readonly StaffRow[],
  audit: readonly AuditEntry[],
): StaffRole {
  if (me.role === 'manager') return 'manager';
  return standInManager(rows, audit)?.id === me.id ? 'manager' : me.role;
}
