/**
 * electron-builder.yml, checked by electron-builder's own validation (its JSON schema),
 * and for what Treu needs of it: the installers per platform, the icons, and the update
 * feed on the sync server. Building the installers needs the Electron binary; this does not.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KNOWN_READERS } from '../../electron/reader/known-readers';
import { udevRules } from '../../electron/reader/udev-rules';

// electron-builder's parts, as it loads them itself (they come with electron-builder).
const require = createRequire(import.meta.url);
const { load } = require('js-yaml') as { load: (text: string) => unknown };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration: (config: unknown, logger: unknown) => Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (on: boolean) => unknown };

const ROOT = process.cwd();
const readConfig = () =>
  load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, unknown> & {
    linux: { target: string[]; icon: string };
    win: { target: string[]; icon: string };
    mac: { target: string[]; icon: string };
    publish: { provider: string; url: string };
    files: string[];
    deb: { fpm: string[] };
  };

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own validation', async () => {
    await expect(validateConfiguration(readConfig(), new DebugLogger(false))).resolves.toBe(
      undefined,
    );
  });

  it('is refused by that validation when an option is misspelt (the check can fail)', async () => {
    const config = readConfig();
    await expect(
      validateConfiguration(
        { ...config, linux: { ...config.linux, tagret: ['deb'] } },
        new DebugLogger(false),
      ),
    ).rejects.toThrow(/configuration\.linux/u);
  });

  it('builds Treu’s installers: AppImage and deb, NSIS, dmg, with icons from resources/', () => {
    const config = readConfig();
    expect(config.appId).toBe('app.treu.terminal');
    expect(config.productName).toBe('Treu');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    for (const icon of [config.linux.icon, config.win.icon, config.mac.icon]) {
      expect(icon.startsWith('resources/')).toBe(true);
      expect(existsSync(join(ROOT, icon))).toBe(true);
    }
  });

  it('installs udev rules with the deb that match the known readers', () => {
    const mapping = readConfig().deb.fpm.find((arg) => arg.includes('/udev/rules.d/'));
    expect(mapping).toBe(
      'resources/linux/70-treu-card-readers.rules=/usr/lib/udev/rules.d/70-treu-card-readers.rules',
    );
    const shipped = readFileSync(join(ROOT, 'resources/linux/70-treu-card-readers.rules'), 'utf8');
    expect(shipped).toBe(udevRules());
    // Every known reader is there, for hidraw and for libusb.
    for (const reader of KNOWN_READERS) {
      const vendor = `ATTRS{idVendor}=="${reader.vendorId.toString(16).padStart(4, '0')}"`;
      expect(shipped.split('\n').filter((line) => line.includes(vendor))).toHaveLength(2);
    }
  });

  it('publishes to the generic feed at a sync server’s /updates/', () => {
    const { publish } = readConfig();
    expect(publish.provider).toBe('generic');
    expect(new URL(publish.url).pathname).toBe('/updates/');
  });

  it('packs the main and renderer builds that package.json points at', () => {
    const config = readConfig();
    const main = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string })
      .main;
    expect(main).toBe('dist/electron/main.cjs');
    expect(config.files).toContain('dist/electron/**');
    expect(config.files).toContain('dist/renderer/**');
  });
});
