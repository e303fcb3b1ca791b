/**
 * The manager's Staff screen: the store's staff list (shared by its terminals through the
 * server) and its actions, adding someone, and the audit. When the store has no manager
 * (stand-in-manager.ts), it says so first, and who stands in.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTerminal } from '../../app/terminal-context';
import { useI18n } from '../../i18n/i18n';
import { AddStaffForm } from './AddStaffForm';
import { StaffAudit } from './StaffAudit';
import { StaffTable } from './StaffTable';
import { standInManager } from './stand-in-manager';
import './staff.css';

function NoManagerWarning() {
  const { t } = useI18n();
  const { db } = useTerminal();
  const staff = useLiveQuery(() => db.staff.toArray(), [db]);
  const audit = useLiveQuery(() => db.staffLog.toArray(), [db]);
  if (
    !staff ||
    !audit ||
    staff.some((row) => row.removedMs === undefined && row.role === 'manager')
  )
    return null;
  const standIn = standInManager(staff, audit);
  return (
    <p role="alert" className="error">
      {standIn ? t.staff.noManager(standIn.name) : t.staff.noManagerNobody}
    </p>
  );
}

export function StaffScreen() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="staff-heading" className="staff">
      <h2 id="staff-heading">{t.staff.title}</h2>
      <NoManagerWarning />
      <StaffTable />
      <AddStaffForm />
      <StaffAudit />
    </section>
  );
}
