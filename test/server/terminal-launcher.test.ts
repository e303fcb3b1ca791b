/**
 * How `npm start` opens the terminal: Electron where its binary is installed, otherwise
 * Chromium's app mode where there is a Chromium and a display, otherwise the address.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseTerminalLaunch, type LaunchSurroundings } from '../../server/terminal-launcher';

const ADDRESS = 'http://localhost:8080/#enrol=ABCD-EFGH-IJKL';
const ROOT = '/work/treu';

const surroundings = (
  overrides: Partial<LaunchSurroundings> & { files?: Record<string, string> } = {},
): LaunchSurroundings => {
  const files = overrides.files ?? {};
  return {
    root: ROOT,
    dataFolder: '/work/treu/.treu-data',
    env: { DISPLAY: ':0' },
    platform: 'linux',
    isRoot: false,
    exists: (path) => path in files,
    readText: (path) => files[path],
    ...overrides,
  };
};

const electronInstalled = {
  [join(ROOT, 'node_modules', 'electron', 'path.txt')]: 'electron',
  [join(ROOT, 'node_modules', 'electron', 'dist', 'electron')]: '',
};

describe('opening the terminal at npm start', () => {
  it('starts the Electron app with the enrolment address when the binary is installed', () => {
    const { launch, line } = chooseTerminalLaunch(
      ADDRESS,
      surroundings({ files: { ...electronInstalled, '/usr/bin/chromium': '' } }),
    );
    expect(launch).toEqual({
      kind: 'electron',
      binary: join(ROOT, 'node_modules', 'electron', 'dist', 'electron'),
      args: [ROOT, `--enrol=${ADDRESS}`],
    });
    expect(line).toBe('Opening the Electron terminal.');
  });

  it('falls back to Chromium’s app mode, on a profile in the data folder, and says why in one line', () => {
    const { launch, line } = chooseTerminalLaunch(
      ADDRESS,
      surroundings({ files: { '/usr/bin/chromium': '' } }),
    );
    expect(launch.kind).toBe('chromium');
    if (launch.kind !== 'chromium') return;
    expect(launch.binary).toBe('/usr/bin/chromium');
    expect(launch.args).toContain(`--app=${ADDRESS}`);
    expect(launch.args).toContain('--user-data-dir=/work/treu/.treu-data/chromium-terminal');
    expect(launch.args).not.toContain('--no-sandbox');
    expect(line).toMatch(
      /^No Electron binary here .*: opening the terminal in Chromium's app mode\.$/,
    );
    expect(line.split('\n')).toHaveLength(1);
  });

  it('treats a path.txt without its binary as no Electron', () => {
    const { launch } = chooseTerminalLaunch(
      ADDRESS,
      surroundings({
        files: {
          [join(ROOT, 'node_modules', 'electron', 'path.txt')]: 'electron',
          '/usr/bin/chromium': '',
        },
      }),
    );
    expect(launch.kind).toBe('chromium');
  });

  it('passes --no-sandbox to Chromium only when running as root', () => {
    const { launch } = chooseTerminalLaunch(
      ADDRESS,
      surroundings({ isRoot: true, files: { '/usr/bin/chromium': '' } }),
    );
    expect(launch.kind === 'chromium' && launch.args.includes('--no-sandbox')).toBe(true);
  });

  it('leaves the address to open when there is no display, no Chromium, or TREU_OPEN=0', () => {
    const headless = chooseTerminalLaunch(
      ADDRESS,
      surroundings({ env: {}, files: { '/usr/bin/chromium': '' } }),
    );
    expect(headless.launch).toEqual({ kind: 'address' });
    expect(headless.line).toMatch(/no display/i);
    const headlessElectron = chooseTerminalLaunch(
      ADDRESS,
      surroundings({ env: {}, files: electronInstalled }),
    );
    expect(headlessElectron.launch).toEqual({ kind: 'address' });
    const noChromium = chooseTerminalLaunch(ADDRESS, surroundings());
    expect(noChromium.launch).toEqual({ kind: 'address' });
    expect(noChromium.line).toMatch(/no Chromium or Chrome found/);
    const asked = chooseTerminalLaunch(
      ADDRESS,
      surroundings({ env: { DISPLAY: ':0', TREU_OPEN: '0' }, files: electronInstalled }),
    );
    expect(asked.launch).toEqual({ kind: 'address' });
  });

  it('uses Wayland as a display too', () => {
    const { launch } = chooseTerminalLaunch(
      ADDRESS,
      surroundings({ env: { WAYLAND_DISPLAY: 'wayland-0' }, files: { '/usr/bin/chromium': '' } }),
    );
    expect(launch.kind).toBe('chromium');
  });
});
