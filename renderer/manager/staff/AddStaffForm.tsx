/** Adding a cashier or a manager: name, role and a first PIN they can use at once. */
import { useState, type SubmitEvent } from 'react';
import { useTerminal } from '../../app/terminal-context';
import { useI18n } from '../../i18n/i18n';
import type { StaffRole } from '../../storage/rows';
import { useAnnounce } from '../../ui/Announcer';
import { describeStaffError } from './describe-staff-error';
import { NewPinFields, useNewPin } from './NewPinFields';
import { addStaff } from './staff-actions';

export function AddStaffForm() {
  const { t } = useI18n();
  const { db, session } = useTerminal();
  const announce = useAnnounce();
  const [name, setName] = useState('');
  const [role, setRole] = useState<StaffRole>('cashier');
  const newPin = useNewPin();
  const [error, setError] = useState<string>();
  const [working, setWorking] = useState(false);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (!newPin.matches) {
      setError(t.staff.pinMismatch);
      return;
    }
    setWorking(true);
    const result = await addStaff(db, session, { name, role, pin: newPin.pin });
    setWorking(false);
    if (!result.ok) {
      setError(describeStaffError(t, result.error));
      return;
    }
    setError(undefined);
    setName('');
    newPin.clear();
    announce(t.staff.added(result.value.name), 'done');
  };

  return (
    <form aria-labelledby="add-staff-heading" onSubmit={(e) => void submit(e)} noValidate>
      <h3 id="add-staff-heading">{t.staff.add}</h3>
      <label className="field">
        <span>{t.staff.name}</span>
        <input
          value={name}
          maxLength={60}
          autoComplete="off"
          onChange={(e) => {
            setName(e.target.value);
          }}
        />
      </label>
      <label className="field">
        <span>{t.staff.role}</span>
        <select
          value={role}
          onChange={(e) => {
            setRole(e.target.value === 'manager' ? 'manager' : 'cashier');
          }}
        >
          <option value="cashier">{t.staff.roles.cashier}</option>
          <option value="manager">{t.staff.roles.manager}</option>
        </select>
      </label>
      <NewPinFields pinLabel={t.staff.pin} againLabel={t.staff.pinAgain} {...newPin.fields} />
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={working}>
        {working ? t.staff.adding : t.staff.addButton}
      </button>
    </form>
  );
}
