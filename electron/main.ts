/**
 * The desktop terminal's main process: one instance, one secure window on the renderer
 * build (served from the app scheme), the card reader, the updater and the bridge.
 * Everything it decides is in the small modules it wires together here; this file only
 * runs where the Electron binary exists (tests fake the modules' Electron parts instead).
 */
import { join } from 'node:path';
import { app, BrowserWindow, ipcMain, protocol, session } from 'electron';
import electronUpdater from 'electron-updater';
import { EVENT, type EventChannel } from '../shared/bridge/channels';
import type { BridgeAnswer, WindowMode } from '../shared/bridge/contract';
import { bridgeHandlers } from './bridge-handlers';
import {
  loadTerminalConfig,
  saveTerminalConfig,
  type TerminalConfig,
} from './config/terminal-config';
import { registerBridgeCalls } from './ipc/register-bridge-calls';
import { entryAddress, readLaunchOptions } from './launch-options';
import { startCardReader } from './reader/card-reader';
import { nodeHidPort } from './reader/node-hid-port';
import { startAutoUpdate, type Updater } from './updater/auto-update';
import { APP_SCHEME } from './window/app-origin';
import { guardNavigation } from './window/guard-navigation';
import { restrictPermissions } from './window/restrict-permissions';
import { secureWindowOptions } from './window/secure-window-options';
import { rendererResponder } from './window/serve-renderer';

// Before the app is ready: the scheme must count as secure (WebCrypto, IndexedDB
// durability) and standard (relative URLs, its own origin).
protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true },
  },
]);

// Built next to each other: dist/electron/main.cjs, preload.cjs; dist/renderer/.
const PRELOAD = join(__dirname, 'preload.cjs');
const RENDERER_BUILD = join(__dirname, '..', 'renderer');

if (!app.requestSingleInstanceLock()) {
  // A second start (a double click on the icon) focuses the running terminal instead.
  app.quit();
} else {
  void app.whenReady().then(startTerminal);
}

async function startTerminal(): Promise<void> {
  const launch = readLaunchOptions(process.argv);
  const folder = app.getPath('userData');
  const loaded = await loadTerminalConfig(folder);
  if (loaded.problem) console.warn(loaded.problem);
  let config: TerminalConfig = loaded.config;
  const saveConfig = async (next: TerminalConfig) => {
    config = next;
    await saveTerminalConfig(folder, next);
  };

  protocol.handle(APP_SCHEME, rendererResponder(RENDERER_BUILD));
  restrictPermissions(session.defaultSession);
  app.on('web-contents-created', (_event, contents) => {
    guardNavigation(contents, (what, url) => {
      console.warn(`Refused ${what}${url ? ` to ${url}` : ''}.`);
    });
  });

  let mode: WindowMode = launch.windowMode ?? config.windowMode;
  const window = new BrowserWindow(secureWindowOptions(PRELOAD, mode));
  window.once('ready-to-show', () => {
    window.show();
  });
  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  const send = (channel: EventChannel, payload: unknown) => {
    if (!window.isDestroyed()) window.webContents.send(channel, payload);
  };

  const reader = startCardReader({
    port: nodeHidPort(),
    choice: config.reader,
    onCard: (text) => {
      send(EVENT.readerCard, text);
    },
    onStatus: (status) => {
      send(EVENT.readerStatus, status);
    },
  });
  const updates = startAutoUpdate({
    updater: electronUpdater.autoUpdater satisfies Updater,
    server: config.updates.server,
    // Unpacked (a developer's run), there is nothing to update.
    active: app.isPackaged,
    rule: config.updates,
    checkEveryMs: config.updates.checkEveryHours * 60 * 60_000,
    onStatus: (status) => {
      send(EVENT.updaterStatus, status);
    },
  });

  registerBridgeCalls(
    ipcMain,
    bridgeHandlers({
      reader,
      updates,
      config: () => config,
      saveConfig,
      window: {
        mode: () => mode,
        setMode(next) {
          mode = next;
          window.setKiosk(next === 'kiosk');
          window.setFullScreen(next === 'fullscreen');
        },
        printers: async () =>
          (await window.webContents.getPrintersAsync()).map((printer) => printer.name),
        print: (printer) =>
          new Promise<BridgeAnswer<null>>((resolve) => {
            window.webContents.print(
              { silent: true, printBackground: true, ...(printer ? { deviceName: printer } : {}) },
              (printed, reason) => {
                resolve(
                  printed
                    ? { ok: true, value: null }
                    : { ok: false, error: { code: 'failed', message: `Not printed: ${reason}.` } },
                );
              },
            );
          }),
      },
      app: {
        version: app.getVersion(),
        platform: process.platform,
        electron: process.versions.electron,
        quit: () => {
          app.quit();
        },
      },
    }),
  );

  app.on('window-all-closed', () => {
    app.quit();
  });
  app.on('before-quit', () => {
    updates.stop();
    void reader.stop();
  });
  await window.loadURL(entryAddress(launch));
}
