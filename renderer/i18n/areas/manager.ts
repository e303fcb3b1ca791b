/** The words of the manager's area: its sections. */
import { bilingual } from '../bilingual';

export const managerMessages = bilingual({
  en: {
    label: 'Manager',
    sections: 'Manager sections',
    onlyManagers: 'Only a manager may open this. Sign in as a manager.',
  },
  de: {
    label: 'Leitung',
    sections: 'Bereiche der Leitung',
    onlyManagers: 'Nur die Leitung darf das öffnen. Als Leitung anmelden.',
  },
});
