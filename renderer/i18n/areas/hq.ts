/** The words of HQ, the franchise owner’s dashboard on the server. */
import { bilingual } from '../bilingual';

export const hqMessages = bilingual({
  en: {
    title: 'Treu HQ',
  },
  de: {
    title: 'Treu Zentrale',
  },
});
