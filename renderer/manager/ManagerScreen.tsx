/**
 * The manager's area: programs, staff, reports, conflicts and the day-end close, each a
 * section of its own. Only a signed-in manager sees it; the shell hides it from cashiers.
 */
import { useState } from 'react';
import { useTerminal } from '../app/terminal-context';
import { useI18n } from '../i18n/i18n';
import { ConflictsScreen } from './conflicts/ConflictsScreen';
import { DayEndScreen } from './day-end/DayEndScreen';
import { ProgramsScreen } from './programs/ProgramsScreen';
import { ReportsScreen } from './reports/ReportsScreen';
import { StaffScreen } from './staff/StaffScreen';

export type ManagerSection = 'programs' | 'staff' | 'reports' | 'conflicts' | 'dayEnd';
const SECTIONS: readonly ManagerSection[] = ['programs', 'staff', 'reports', 'conflicts', 'dayEnd'];

export function ManagerScreen() {
  const { t } = useI18n();
  const { session } = useTerminal();
  const [section, setSection] = useState<ManagerSection>('programs');

  if (session.role !== 'manager') {
    return (
      <main className="screen narrow">
        <p role="alert">{t.manager.onlyManagers}</p>
      </main>
    );
  }
  return (
    <main className="screen manager">
      <h1 className="visually-hidden">{t.manager.label}</h1>
      <nav aria-label={t.manager.sections} className="section-nav">
        <ul>
          {SECTIONS.map((name) => (
            <li key={name}>
              <button
                type="button"
                aria-current={section === name ? 'page' : undefined}
                onClick={() => {
                  setSection(name);
                }}
              >
                {t[name].title}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      {section === 'programs' && <ProgramsScreen />}
      {section === 'staff' && <StaffScreen />}
      {section === 'reports' && <ReportsScreen />}
      {section === 'conflicts' && <ConflictsScreen />}
      {section === 'dayEnd' && <DayEndScreen />}
    </main>
  );
}
