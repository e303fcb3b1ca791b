/** The manager's Staff screen: the staff list and its actions, adding someone, and the audit. */
import { useI18n } from '../../i18n/i18n';
import { AddStaffForm } from './AddStaffForm';
import { StaffAudit } from './StaffAudit';
import { StaffTable } from './StaffTable';
import './staff.css';

export function StaffScreen() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="staff-heading" className="staff">
      <h2 id="staff-heading">{t.staff.title}</h2>
      <StaffTable />
      <AddStaffForm />
      <StaffAudit />
    </section>
  );
}
