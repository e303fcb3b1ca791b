/**
 * The preload: builds `window.treu` in the page's isolated world. It only forwards:
 * every call goes to main (which checks sender and input), every event comes from main.
 * Sandboxed, so it may load nothing but `electron`; it is bundled into one file.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { BridgeAnswer, TreuBridge, Unsubscribe } from '../shared/bridge/contract';
import type { CallOutputs, EventPayloads } from '../shared/bridge/call-inputs';
import { CALL, EVENT, type CallChannel, type EventChannel } from '../shared/bridge/channels';

// Main answers each call with its CallOutputs type (register-bridge-calls.ts).
const call = <C extends CallChannel>(channel: C, input?: unknown) =>
  ipcRenderer.invoke(channel, input) as Promise<BridgeAnswer<CallOutputs[C]>>;

/** Subscribes a listener to an event; the same wrapper is removed again, or it would leak. */
function subscribe<C extends EventChannel>(
  channel: C,
  listener: (payload: EventPayloads[C]) => void,
): Unsubscribe {
  const forward = (_event: IpcRendererEvent, payload: unknown) => {
    // Main sends each event with its EventPayloads type (main.ts).
    listener(payload as EventPayloads[C]);
  };
  ipcRenderer.on(channel, forward);
  return () => {
    ipcRenderer.removeListener(channel, forward);
  };
}

export const bridge = {
  reader: {
    status: () => call(CALL.readerStatus),
    devices: () => call(CALL.readerDevices),
    choose: (choice) => call(CALL.readerChoose, choice),
    onCard: (listener) => subscribe(EVENT.readerCard, listener),
    onStatus: (listener) => subscribe(EVENT.readerStatus, listener),
  },
  updater: {
    status: () => call(CALL.updaterStatus),
    checkNow: () => call(CALL.updaterCheckNow),
    useServer: (address) => call(CALL.updaterUseServer, address),
    reportCounter: (state) => call(CALL.updaterReportCounter, state),
    onStatus: (listener) => subscribe(EVENT.updaterStatus, listener),
  },
  printer: {
    list: () => call(CALL.printerList),
    print: (request) => call(CALL.printerPrint, request),
  },
  kiosk: {
    mode: () => call(CALL.kioskMode),
    setMode: (mode) => call(CALL.kioskSetMode, mode),
  },
  app: {
    info: () => call(CALL.appInfo),
    quit: () => call(CALL.appQuit),
  },
} satisfies TreuBridge;

contextBridge.exposeInMainWorld('treu', bridge);
