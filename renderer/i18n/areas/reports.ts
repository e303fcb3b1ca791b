/** The words of the Reports screen. */
import { bilingual } from '../bilingual';

export const reportsMessages = bilingual({
  en: {
    title: 'Reports',
  },
  de: {
    title: 'Berichte',
  },
});
