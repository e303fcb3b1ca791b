/** The words of the Day-end close screen. */
import { bilingual } from '../bilingual';

export const dayEndMessages = bilingual({
  en: {
    title: 'Day-end close',
  },
  de: {
    title: 'Tagesabschluss',
  },
});
