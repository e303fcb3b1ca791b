/** Names of staff by id, removed staff included (events and audits name them). */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTerminal } from '../app/terminal-context';
import { useI18n } from '../i18n/i18n';

export function useStaffNames(): (id: string | undefined) => string {
  const { t } = useI18n();
  const { db } = useTerminal();
  const staff = useLiveQuery(() => db.staff.toArray(), [db]);
  const names = new Map((staff ?? []).map((row) => [row.id, row.name]));
  return (id) => (id ? (names.get(id) ?? t.staff.unknownStaff(id)) : t.staff.systemStaff);
}
