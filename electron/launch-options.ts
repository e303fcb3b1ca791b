/**
 * The desktop terminal's command line: `--window=kiosk|fullscreen|windowed` for this run
 * (over the saved setting), and `--enrol=ADDRESS#enrol=CODE` as `npm start` passes it, so
 * a fresh terminal enrols with that server once it is set up.
 */
import { windowModeSchema, type WindowMode } from '../shared/bridge/contract';
import { APP_ENTRY } from './window/app-origin';

export interface LaunchOptions {
  readonly windowMode?: WindowMode;
  /** The server's address and a one-time enrolment code. */
  readonly enrol?: { readonly server: string; readonly code: string };
}

export function readLaunchOptions(argv: readonly string[]): LaunchOptions {
  let windowMode: WindowMode | undefined;
  let enrol: LaunchOptions['enrol'];
  for (const arg of argv) {
    const [name, value = ''] = arg.split(/=(.*)/su);
    if (name === '--window') {
      const mode = windowModeSchema.safeParse(value);
      if (mode.success) windowMode = mode.data;
    } else if (name === '--enrol') {
      try {
        const url = new URL(value);
        const code = new URLSearchParams(url.hash.slice(1)).get('enrol');
        if ((url.protocol === 'http:' || url.protocol === 'https:') && code)
          enrol = { server: url.origin, code };
      } catch {
        // Not an address: ignored; the terminal can enrol in Settings → Server.
      }
    }
  }
  return { ...(windowMode ? { windowMode } : {}), ...(enrol ? { enrol } : {}) };
}

/** The address the window opens: the app, with the enrolment in its fragment if any. */
export function entryAddress(options: LaunchOptions): string {
  if (!options.enrol) return APP_ENTRY;
  const fragment = new URLSearchParams({ enrol: options.enrol.code, server: options.enrol.server });
  return `${APP_ENTRY}#${fragment.toString()}`;
}
