/** The words of the Conflicts screen. */
import { bilingual } from '../bilingual';

export const conflictsMessages = bilingual({
  en: {
    title: 'Conflicts',
  },
  de: {
    title: 'Konflikte',
  },
});
