/**
 * Registers the tablet's service worker (built by vite-plugin-pwa, see vite.config.ts)
 * where the host should have one, and reports a new version to the update prompt
 * instead of reloading: the counter reloads only when someone presses "Reload".
 */
import { currentHost, shouldRegisterServiceWorker } from './host';
import { updateState } from './update-state';

/** A tablet left open for days still hears of a new version. */
const CHECK_EVERY_MS = 60 * 60 * 1000;

export async function registerServiceWorker(): Promise<void> {
  if (!shouldRegisterServiceWorker(currentHost())) return;
  // Loaded only here, so Electron never fetches workbox-window at all.
  const { registerSW } = await import('virtual:pwa-register');
  let reloadAsked = false;
  const updateServiceWorker = registerSW({
    immediate: true,
    onNeedRefresh() {
      updateState.offer(() => {
        reloadAsked = true;
        void updateServiceWorker();
      });
    },
    // The new version took over. This page reloads if it asked to; another window of
    // the app (one that did not press "Reload") keeps its prompt and reloads when its
    // own cashier says so, never in the middle of what it is doing.
    onNeedReload() {
      if (reloadAsked) window.location.reload();
      else
        updateState.offer(() => {
          window.location.reload();
        });
    },
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      setInterval(() => {
        if (navigator.onLine) registration.update().catch(() => undefined);
      }, CHECK_EVERY_MS);
    },
    onRegisterError(error: unknown) {
      // The app works as before, only not offline after a reload; nothing to tell the cashier.
      console.warn('Treu: the service worker could not be registered.', error);
    },
  });
}
