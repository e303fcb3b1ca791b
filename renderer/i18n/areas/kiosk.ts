/** The words of the Customer view screen. */
import { bilingual } from '../bilingual';

export const kioskMessages = bilingual({
  en: {
    title: 'Customer view',
  },
  de: {
    title: 'Kundenansicht',
  },
});
