import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CONFIG_FILE,
  defaultConfig,
  loadTerminalConfig,
  saveTerminalConfig,
  type TerminalConfig,
} from '../../electron/config/terminal-config';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'treu-config-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const writeConfig = (text: string) => writeFile(join(folder, CONFIG_FILE), text);

describe('the terminal settings', () => {
  it('are the defaults, without a problem, on a first start with no file', async () => {
    const loaded = await loadTerminalConfig(folder);
    expect(loaded).toEqual({ config: defaultConfig() });
    expect(loaded.config.windowMode).toBe('kiosk');
    expect(loaded.config.reader).toEqual({ kind: 'known' });
    expect(loaded.config.updates).toEqual({
      when: 'idle',
      idleMinutes: 10,
      hour: 3,
      checkEveryHours: 4,
    });
  });

  it('fall back to the defaults when the file is not JSON, and say which file', async () => {
    await writeConfig('{"windowMode": "windowed",');
    const loaded = await loadTerminalConfig(folder);
    expect(loaded.config).toEqual(defaultConfig());
    expect(loaded.problem).toContain(join(folder, CONFIG_FILE));
    expect(loaded.problem).toContain('not JSON');
  });

  it.each([
    ['windowMode', { windowMode: 'tv' }],
    ['reader.kind', { reader: { kind: 'bogus' } }],
    ['reader.vendorId', { reader: { kind: 'device', vendorId: -1, productId: 1 } }],
    ['updates.server', { updates: { server: 'javascript:alert(1)' } }],
    ['updates.hour', { updates: { hour: 24 } }],
    ['colour', { colour: 'red' }],
  ])('fall back to the defaults when %s is invalid, and name it', async (field, content) => {
    await writeConfig(JSON.stringify({ windowMode: 'windowed', ...content }));
    const loaded = await loadTerminalConfig(folder);
    expect(loaded.config).toEqual(defaultConfig());
    expect(loaded.problem).toContain(`${field}:`);
    expect(loaded.problem).toContain(CONFIG_FILE);
  });

  it('fill in the defaults for the fields a file leaves out', async () => {
    await writeConfig(JSON.stringify({ windowMode: 'fullscreen', updates: { when: 'hour' } }));
    const loaded = await loadTerminalConfig(folder);
    expect(loaded.problem).toBeUndefined();
    expect(loaded.config).toEqual({
      ...defaultConfig(),
      windowMode: 'fullscreen',
      updates: { ...defaultConfig().updates, when: 'hour' },
    });
  });

  it('come back as they were saved', async () => {
    const config: TerminalConfig = {
      windowMode: 'windowed',
      reader: { kind: 'device', vendorId: 0x0c2e, productId: 0x0b61 },
      updates: {
        server: 'https://sync.example.com',
        when: 'hour',
        idleMinutes: 15,
        hour: 21,
        checkEveryHours: 0.5,
      },
    };
    await saveTerminalConfig(folder, config);
    expect(await loadTerminalConfig(folder)).toEqual({ config });
  });

  it('replace the saved file whole, leaving no temporary file behind', async () => {
    await saveTerminalConfig(folder, { ...defaultConfig(), windowMode: 'windowed' });
    await saveTerminalConfig(folder, { ...defaultConfig(), windowMode: 'fullscreen' });
    expect(await readdir(folder)).toEqual([CONFIG_FILE]);
    expect((await loadTerminalConfig(folder)).config.windowMode).toBe('fullscreen');
  });

  // Two saves sharing the temporary file at once: the second rename finds no file, and
  // the shorter write leaves the longer one's tail behind it, which is not JSON.
  it('survive two saves at once, leaving a whole file with the one saved last', async () => {
    const start = defaultConfig();
    const longer: TerminalConfig = {
      ...start,
      windowMode: 'fullscreen',
      updates: { ...start.updates, server: 'https://sync.a-long-cafe-name.example.com' },
    };
    const shorter: TerminalConfig = { ...start, windowMode: 'windowed' };
    const saves = await Promise.allSettled([
      saveTerminalConfig(folder, longer),
      saveTerminalConfig(folder, shorter),
    ]);
    expect(saves.map((save) => save.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(await loadTerminalConfig(folder)).toEqual({ config: shorter });
  });
});
