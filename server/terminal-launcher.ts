/**
 * How `npm start` opens the terminal next to the server: the Electron app when the
 * Electron binary is installed; where it is not (installed with
 * ELECTRON_SKIP_BINARY_DOWNLOAD=1, as on build machines), Chromium's app mode, a window
 * with no browser around it, on a profile of its own in the data folder; and where there
 * is no Chromium or no display, only the address to open.
 */
import { join } from 'node:path';

export type TerminalLaunch =
  | { readonly kind: 'electron'; readonly binary: string; readonly args: readonly string[] }
  | { readonly kind: 'chromium'; readonly binary: string; readonly args: readonly string[] }
  | { readonly kind: 'address' };

export interface LaunchSurroundings {
  readonly root: string;
  readonly dataFolder: string;
  readonly env: NodeJS.ProcessEnv;
  readonly platform: NodeJS.Platform;
  readonly isRoot: boolean;
  readonly exists: (path: string) => boolean;
  readonly readText: (path: string) => string | undefined;
}

const CHROMIUMS: Partial<Record<NodeJS.Platform, readonly string[]>> = {
  linux: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
  ],
  darwin: [
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  ],
  win32: [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  ],
};

/** The Electron binary the electron package downloaded, if it did. */
function electronBinary(s: LaunchSurroundings): string | undefined {
  const folder = join(s.root, 'node_modules', 'electron');
  const relative = s.readText(join(folder, 'path.txt'))?.trim();
  if (!relative) return undefined;
  const binary = join(folder, 'dist', relative);
  return s.exists(binary) ? binary : undefined;
}

/** Decides how to open the terminal at `address`, and the one line that says so. */
export function chooseTerminalLaunch(
  address: string,
  s: LaunchSurroundings,
): { launch: TerminalLaunch; line: string } {
  if (s.env.TREU_OPEN === '0') {
    return { launch: { kind: 'address' }, line: 'Not opening a terminal (TREU_OPEN=0).' };
  }
  if (s.platform === 'linux' && !s.env.DISPLAY && !s.env.WAYLAND_DISPLAY) {
    return { launch: { kind: 'address' }, line: 'No display here: open the address.' };
  }
  // Chromium (and so Electron) refuses to start as root without it (containers, kiosks).
  const asRoot = s.isRoot ? ['--no-sandbox'] : [];
  const electron = electronBinary(s);
  if (electron) {
    return {
      launch: {
        kind: 'electron',
        binary: electron,
        args: [s.root, `--enrol=${address}`, ...asRoot],
      },
      line: 'Opening the Electron terminal.',
    };
  }
  const missing = 'No Electron binary here (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1)';
  const chromium = (CHROMIUMS[s.platform] ?? []).find((path) => s.exists(path));
  if (!chromium) {
    return {
      launch: { kind: 'address' },
      line: `${missing} and no Chromium or Chrome found: open the address.`,
    };
  }
  return {
    launch: {
      kind: 'chromium',
      binary: chromium,
      args: [
        `--app=${address}`,
        `--user-data-dir=${join(s.dataFolder, 'chromium-terminal')}`,
        '--no-first-run',
        '--no-default-browser-check',
        ...asRoot,
      ],
    },
    line: `${missing}: opening the terminal in Chromium's app mode.`,
  };
}
