/**
 * The IPC channel names of the bridge, shared by the preload (which only forwards) and
 * main (which checks and answers). Free of zod, so the sandboxed preload stays small.
 */

/** Calls: the renderer asks, main answers with a BridgeAnswer. */
export const CALL = {
  readerStatus: 'treu:reader:status',
  readerDevices: 'treu:reader:devices',
  readerChoose: 'treu:reader:choose',
  updaterStatus: 'treu:updater:status',
  updaterCheckNow: 'treu:updater:check-now',
  updaterUseServer: 'treu:updater:use-server',
  updaterReportCounter: 'treu:updater:report-counter',
  printerList: 'treu:printer:list',
  printerPrint: 'treu:printer:print',
  kioskMode: 'treu:kiosk:mode',
  kioskSetMode: 'treu:kiosk:set-mode',
  appInfo: 'treu:app:info',
  appQuit: 'treu:app:quit',
} as const;
export type CallChannel = (typeof CALL)[keyof typeof CALL];

/** Events: main tells the renderer. */
export const EVENT = {
  readerCard: 'treu:reader:card',
  readerStatus: 'treu:reader:status-changed',
  updaterStatus: 'treu:updater:status-changed',
} as const;
export type EventChannel = (typeof EVENT)[keyof typeof EVENT];
