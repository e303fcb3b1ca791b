/** Why a change to the staff list was refused, in the manager's language. */
import type { Messages } from '../../i18n/en';
import type { StaffError } from './staff-actions';

export const describeStaffError = (t: Messages, error: StaffError): string =>
  t.staff.errors[error.code];
