/**
 * What each bridge call does in main, over the services main runs: the card reader, the
 * updater, the window and the saved settings. Inputs arrive already checked
 * (register-bridge-calls.ts); this file only wires calls to services.
 */
import type { BridgeAnswer, WindowMode } from '../shared/bridge/contract';
import { CALL } from '../shared/bridge/channels';
import type { TerminalConfig } from './config/terminal-config';
import type { BridgeHandlers } from './ipc/register-bridge-calls';
import type { CardReader } from './reader/card-reader';
import type { AutoUpdate } from './updater/auto-update';

export interface MainServices {
  readonly reader: CardReader;
  readonly updates: AutoUpdate;
  readonly config: () => TerminalConfig;
  readonly saveConfig: (config: TerminalConfig) => Promise<void>;
  readonly window: {
    /** The mode the window is in now (a `--window=` flag may differ from the saved one). */
    mode(): WindowMode;
    setMode(mode: WindowMode): void;
    printers(): Promise<string[]>;
    print(printer: string | undefined): Promise<BridgeAnswer<null>>;
  };
  readonly app: { version: string; platform: string; electron: string; quit(): void };
}

const ok = <T>(value: T): BridgeAnswer<T> => ({ ok: true, value });

export function bridgeHandlers(services: MainServices): BridgeHandlers {
  const { reader, updates, config, saveConfig } = services;
  return {
    [CALL.readerStatus]: () => ok(reader.status()),
    [CALL.readerDevices]: async () => ok(await reader.devices()),
    [CALL.readerChoose]: async (choice) => {
      await saveConfig({ ...config(), reader: choice });
      return ok(await reader.choose(choice));
    },
    [CALL.updaterStatus]: () => ok(updates.status()),
    [CALL.updaterCheckNow]: async () => ok(await updates.checkNow()),
    [CALL.updaterUseServer]: async (address) => {
      const current = config();
      if (current.updates.server !== address) {
        await saveConfig({ ...current, updates: { ...current.updates, server: address } });
      }
      return ok(await updates.useServer(address));
    },
    [CALL.updaterReportCounter]: (state) => {
      updates.reportCounter(state);
      return ok(null);
    },
    [CALL.printerList]: async () => ok(await services.window.printers()),
    [CALL.printerPrint]: (request) => services.window.print(request.printer),
    [CALL.kioskMode]: () => ok(services.window.mode()),
    [CALL.kioskSetMode]: async (mode) => {
      services.window.setMode(mode);
      await saveConfig({ ...config(), windowMode: mode });
      return ok(mode);
    },
    [CALL.appInfo]: () =>
      ok({
        version: services.app.version,
        platform: services.app.platform,
        electron: services.app.electron,
      }),
    [CALL.appQuit]: () => {
      services.app.quit();
      return ok(null);
    },
  };
}
