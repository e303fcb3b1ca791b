/** The words of the Staff screen. */
import { bilingual } from '../bilingual';

export const staffMessages = bilingual({
  en: {
    title: 'Staff',
  },
  de: {
    title: 'Personal',
  },
});
