/** The words of the Programs screen. */
import { bilingual } from '../bilingual';

export const programsMessages = bilingual({
  en: {
    title: 'Programs',
  },
  de: {
    title: 'Programme',
  },
});
