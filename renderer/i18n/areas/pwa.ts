/** The words of the tablet app's update prompt. */
import { bilingual } from '../bilingual';

export const pwaMessages = bilingual({
  en: {
    updateReady: 'A new version of Treu is ready.',
    reload: 'Reload',
    reloading: 'Reloading…',
  },
  de: {
    updateReady: 'Eine neue Version von Treu ist bereit.',
    reload: 'Neu laden',
    reloading: 'Wird neu geladen…',
  },
});
