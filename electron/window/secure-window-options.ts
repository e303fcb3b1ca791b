/**
 * The terminal window's options: Electron's security checklist in one place (context
 * isolation, sandbox, no Node anywhere in the page, web security on, no webviews), and
 * the window mode the terminal is configured for.
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import type { WindowMode } from '../../shared/bridge/contract';

export function secureWindowOptions(
  preloadPath: string,
  mode: WindowMode,
): BrowserWindowConstructorOptions {
  return {
    title: 'Treu',
    width: 1280,
    height: 800,
    minWidth: 800,
    minHeight: 600,
    backgroundColor: '#faf8f4',
    // Shown once the first paint is ready: no white flash at the counter.
    show: false,
    autoHideMenuBar: true,
    kiosk: mode === 'kiosk',
    fullscreen: mode === 'fullscreen',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    },
  };
}
