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
  const container = navigator.serviceWorker;
  let reloadAsked = false;
  // Who reloads is decided here, not by the plugin: its own reload misses a tablet that
  // has not been reloaded since the worker was first installed, and would reload every
  // other window of the app at once. The first worker taking over this page (the
  // first visit) is no new version; any later change of controller is one. This page
  // reloads if it asked to; another window keeps its prompt until its cashier says so.
  let controlled = container.controller !== null;
  container.addEventListener('controllerchange', () => {
    if (!controlled) {
      controlled = true;
      return;
    }
    if (reloadAsked) window.location.reload();
    else
      updateState.offer(() => {
        window.location.reload();
      });
  });
  // Loaded only here, so Electron never fetches workbox-window at all.
  const { registerSW } = await import('virtual:pwa-register');
  const updateServiceWorker = registerSW({
    immediate: true,
    onNeedRefresh() {
      updateState.offer(() => {
        reloadAsked = true;
        void updateServiceWorker();
      });
    },
    onNeedReload: () => undefined,
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
