/**
 * What a manager audits: the changes to the staff list (who did what to whom, when), and
 * every void and stamp adjustment of the last 30 days, per member of staff.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTerminal } from '../../app/terminal-context';
import { useI18n } from '../../i18n/i18n';
import type { StaffLogRow } from '../../storage/rows';
import { useStaffNames } from '../use-staff-names';
import { readCorrections, type Correction } from './corrections';
import { DAY_MS } from '../../../shared/rules/local-time';

const AUDIT_DAYS = 30;

function StaffChanges() {
  const { t, language } = useI18n();
  const { db } = useTerminal();
  const nameOf = useStaffNames();
  const changes = useLiveQuery(
    // The store's changes, from every terminal, newest first.
    () => db.staffLog.orderBy('atMs').reverse().limit(200).toArray(),
    [db],
  );
  const when = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
  const describe = (row: StaffLogRow) => {
    const who = nameOf(row.staff);
    const by = nameOf(row.by);
    const role = t.staff.roles[row.role ?? 'cashier'];
    switch (row.change) {
      case 'added':
        return t.staff.change.added(who, by, role);
      case 'removed':
        return t.staff.change.removed(who, by);
      case 'pin_reset':
        return t.staff.change.pin_reset(who, by);
      case 'role_changed':
        return t.staff.change.role_changed(who, by, role);
    }
  };
  return (
    <section aria-labelledby="staff-changes-heading">
      <h3 id="staff-changes-heading">{t.staff.changes}</h3>
      {changes?.length === 0 && <p>{t.staff.noChanges}</p>}
      <ul className="audit-list">
        {(changes ?? []).map((row) => (
          <li key={row.id}>
            <time dateTime={new Date(row.atMs).toISOString()}>{when.format(row.atMs)}</time>{' '}
            {describe(row)}
          </li>
        ))}
      </ul>
    </section>
  );
}

function CorrectionRows(props: { items: readonly Correction[] }) {
  const { t, language } = useI18n();
  const { db } = useTerminal();
  const memberIds = [...new Set(props.items.flatMap((item) => (item.member ? [item.member] : [])))];
  const members = useLiveQuery(() => db.members.bulkGet(memberIds), [db, memberIds.join()]);
  const names = new Map((members ?? []).flatMap((m) => (m ? [[m.id, m.name ?? m.id]] : [])));
  const when = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t.staff.when}</th>
          <th scope="col">{t.staff.what}</th>
          <th scope="col">{t.staff.member}</th>
          <th scope="col">{t.staff.stamps}</th>
        </tr>
      </thead>
      <tbody>
        {props.items.map((item) => (
          <tr key={item.id}>
            <td>{when.format(item.atMs)}</td>
            <td>
              {t.staff.kinds[item.kind === 'adjustment' ? 'adjustment' : (item.undid ?? 'unknown')]}{' '}
              ({t.staff.reasons[item.reason]})
            </td>
            <td>{item.member ? (names.get(item.member) ?? item.member) : t.staff.unknownMember}</td>
            <td>{item.stamps > 0 ? `+${item.stamps}` : item.stamps}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Corrections() {
  const { t } = useI18n();
  const { db } = useTerminal();
  const nameOf = useStaffNames();
  // The 30-day window is fixed when the screen opens; the live query follows the ledger.
  const [sinceMs] = useState(() => Date.now() - AUDIT_DAYS * DAY_MS);
  const perStaff = useLiveQuery(() => readCorrections(db, sinceMs), [db, sinceMs]);
  return (
    <section aria-labelledby="corrections-heading">
      <h3 id="corrections-heading">{t.staff.corrections}</h3>
      {perStaff?.length === 0 && <p>{t.staff.noCorrections}</p>}
      {(perStaff ?? []).map((entry) => (
        <details key={entry.staff} className="corrections">
          <summary>
            <strong>{nameOf(entry.staff || undefined)}</strong>:{' '}
            {t.staff.correctionCounts(entry.voids, entry.adjustments)}
          </summary>
          <CorrectionRows items={entry.items} />
        </details>
      ))}
    </section>
  );
}

export function StaffAudit() {
  return (
    <>
      <StaffChanges />
      <Corrections />
    </>
  );
}
