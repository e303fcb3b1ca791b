/**
 * The staff who can sign in, each with what a manager may do: reset the PIN, change the
 * role, remove them (after a confirmation). Refusals are said in words, in place.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type SubmitEvent } from 'react';
import { useTerminal } from '../../app/terminal-context';
import { useI18n } from '../../i18n/i18n';
import type { StaffRole, StaffRow } from '../../storage/rows';
import { useAnnounce } from '../../ui/Announcer';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { describeStaffError } from './describe-staff-error';
import { NewPinFields, useNewPin } from './NewPinFields';
import {
  changeStaffRole,
  currentStaff,
  removeStaff,
  resetStaffPin,
  type StaffResult,
} from './staff-actions';

function PinResetForm(props: { person: StaffRow; onDone: () => void }) {
  const { t } = useI18n();
  const { db, session } = useTerminal();
  const announce = useAnnounce();
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
    const result = await resetStaffPin(db, session, props.person.id, newPin.pin);
    setWorking(false);
    if (!result.ok) {
      setError(describeStaffError(t, result.error));
      return;
    }
    announce(t.staff.pinReset(props.person.name), 'done');
    props.onDone();
  };

  return (
    <form
      aria-label={`${t.staff.resetPin}: ${props.person.name}`}
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <NewPinFields
        pinLabel={t.staff.resetPinFor(props.person.name)}
        againLabel={t.staff.pinAgain}
        {...newPin.fields}
      />
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="row">
        <button type="submit" className="primary" disabled={working}>
          {t.staff.savePin}
        </button>
        <button type="button" className="secondary" onClick={props.onDone}>
          {t.staff.cancel}
        </button>
      </div>
    </form>
  );
}

export function StaffTable() {
  const { t, language } = useI18n();
  const { db, session } = useTerminal();
  const announce = useAnnounce();
  const staff = useLiveQuery(async () => currentStaff(await db.staff.toArray()), [db]);
  const [resetting, setResetting] = useState<string>();
  const [removing, setRemoving] = useState<StaffRow>();
  const [reRoling, setReRoling] = useState<{ person: StaffRow; role: StaffRole }>();
  const dateFormat = new Intl.DateTimeFormat(language, { dateStyle: 'medium' });

  const run = async (action: () => Promise<StaffResult<null>>, done: string) => {
    const result = await action();
    announce(
      result.ok ? done : describeStaffError(t, result.error),
      result.ok ? 'done' : 'refused',
    );
  };

  return (
    <>
      <table className="staff-table">
        <caption>{t.staff.list}</caption>
        <thead>
          <tr>
            <th scope="col">{t.staff.name}</th>
            <th scope="col">{t.staff.role}</th>
            <th scope="col">{t.staff.since}</th>
            <th scope="col">{t.staff.actions}</th>
          </tr>
        </thead>
        <tbody>
          {(staff ?? []).map((person) => {
            const other = person.role === 'manager' ? 'cashier' : 'manager';
            return (
              <tr key={person.id}>
                <th scope="row">
                  {person.name} {person.id === session.staff && t.staff.you}
                </th>
                <td>{t.staff.roles[person.role]}</td>
                <td>{dateFormat.format(person.createdMs)}</td>
                <td>
                  {resetting === person.id ? (
                    <PinResetForm
                      person={person}
                      onDone={() => {
                        setResetting(undefined);
                      }}
                    />
                  ) : (
                    <div className="row tight">
                      <button
                        type="button"
                        aria-label={`${t.staff.resetPin}: ${person.name}`}
                        onClick={() => {
                          setResetting(person.id);
                        }}
                      >
                        {t.staff.resetPin}
                      </button>
                      <button
                        type="button"
                        aria-label={`${t.staff.makeRole(t.staff.roles[other])}: ${person.name}`}
                        onClick={() => {
                          setReRoling({ person, role: other });
                        }}
                      >
                        {t.staff.makeRole(t.staff.roles[other])}
                      </button>
                      {person.id !== session.staff && (
                        <button
                          type="button"
                          className="danger"
                          aria-label={`${t.staff.remove}: ${person.name}`}
                          onClick={() => {
                            setRemoving(person);
                          }}
                        >
                          {t.staff.remove}
                        </button>
                      )}
                    </div>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {reRoling && (
        <ConfirmDialog
          text={t.staff.confirmRole[reRoling.role](reRoling.person.name)}
          confirm={t.staff.makeRole(t.staff.roles[reRoling.role])}
          cancel={t.staff.cancel}
          onCancel={() => {
            setReRoling(undefined);
          }}
          onConfirm={() => {
            const { person, role } = reRoling;
            setReRoling(undefined);
            void run(
              () => changeStaffRole(db, session, person.id, role),
              t.staff.roleChanged(person.name, t.staff.roles[role]),
            );
          }}
        />
      )}
      {removing && (
        <ConfirmDialog
          text={t.staff.confirmRemove(removing.name)}
          confirm={t.staff.remove}
          cancel={t.staff.cancel}
          onCancel={() => {
            setRemoving(undefined);
          }}
          onConfirm={() => {
            const person = removing;
            setRemoving(undefined);
            void run(() => removeStaff(db, session, person.id), t.staff.removed(person.name));
          }}
        />
      )}
    </>
  );
}
