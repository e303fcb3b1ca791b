/**
 * The manager's programs: the list (name, version, status) with Edit and New program,
 * and the editor. Programs come from the terminal's database, so a version published on
 * another terminal shows here as soon as sync brings it. The editor gets the version it
 * was opened from, not the live one: its form was filled from that version.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { programHasEnded } from '../../../shared/rules/expiry';
import { useTerminal } from '../../app/terminal-context';
import { useI18n } from '../../i18n/i18n';
import type { ProgramRow } from '../../storage/rows';
import { readPrograms } from '../../terminal/member-reads';
import { ProgramEditor } from './ProgramEditor';
import { formFromRules, newProgramForm, type ProgramForm } from './program-form';
import './programs.css';

interface Editing {
  /** The program as opened; undefined for a new program. */
  readonly base: ProgramRow | undefined;
  readonly initial: ProgramForm;
  /** Remounts the editor when another program is opened. */
  readonly key: number;
}

function ProgramStatus(props: { readonly program: ProgramRow }) {
  const { t } = useI18n();
  const endsOn = props.program.rules.expiry?.endsOn;
  if (endsOn === undefined) return <>{t.programs.list.active}</>;
  return (
    <>
      {programHasEnded(props.program.rules, Date.now())
        ? t.programs.list.ended(endsOn)
        : t.programs.list.endsOn(endsOn)}
    </>
  );
}

export function ProgramsScreen() {
  const { t } = useI18n();
  const { db } = useTerminal();
  const programs = useLiveQuery(() => readPrograms(db), [db]);
  const [editing, setEditing] = useState<Editing>();
  const l = t.programs.list;
  const open = (program: ProgramRow) => {
    setEditing({
      base: program,
      initial: formFromRules(program.name, program.rules),
      key: Date.now(),
    });
  };

  if (editing) {
    return (
      <ProgramEditor
        key={editing.key}
        base={editing.base}
        initial={editing.initial}
        onReopen={(id) => {
          const newest = programs?.find((p) => p.id === id);
          if (newest) open(newest);
          else setEditing(undefined);
        }}
        onBack={() => {
          setEditing(undefined);
        }}
      />
    );
  }

  return (
    <section aria-labelledby="programs-heading" className="programs">
      <h2 id="programs-heading">{t.programs.title}</h2>
      {programs === undefined ? (
        <p>{t.app.loading}</p>
      ) : programs.length === 0 ? (
        <p>{l.empty}</p>
      ) : (
        <table className="program-list">
          <caption className="visually-hidden">{l.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{l.name}</th>
              <th scope="col">{l.version}</th>
              <th scope="col">{l.status}</th>
              <th scope="col">
                <span className="visually-hidden">{l.actions}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {programs.map((program) => (
              <tr key={program.id}>
                <th scope="row">{program.name}</th>
                <td>{program.version}</td>
                <td>
                  <ProgramStatus program={program} />
                </td>
                <td>
                  <button
                    type="button"
                    aria-label={l.editNamed(program.name)}
                    onClick={() => {
                      open(program);
                    }}
                  >
                    {l.edit}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="row">
        <button
          type="button"
          className="primary big"
          onClick={() => {
            setEditing({
              base: undefined,
              initial: newProgramForm({
                name: t.programs.editor.defaultName,
                reward: t.programs.editor.defaultReward,
              }),
              key: Date.now(),
            });
          }}
        >
          {l.newProgram}
        </button>
      </div>
    </section>
  );
}
