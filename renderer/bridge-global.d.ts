/** The Electron preload's bridge, when the renderer runs in the Electron shell. */
declare global {
  interface Window {
    treu?: unknown;
  }
}

export {};
