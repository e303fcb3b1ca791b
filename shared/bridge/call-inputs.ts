/**
 * What each bridge call takes, as main checks it: anything else from the renderer is
 * refused with `invalid_input` before a handler sees it.
 */
import { z } from 'zod';
import { CALL, type CallChannel, type EVENT } from './channels';
import {
  type AppInfo,
  type HidDeviceChoice,
  type ReaderStatus,
  type UpdaterStatus,
  type WindowMode,
  counterStateSchema,
  printRequestSchema,
  readerChoiceSchema,
  serverAddressSchema,
  windowModeSchema,
} from './contract';

/** A call without an argument: the preload sends none. */
const nothing = z.undefined();

export const CALL_INPUTS = {
  [CALL.readerStatus]: nothing,
  [CALL.readerDevices]: nothing,
  [CALL.readerChoose]: readerChoiceSchema,
  [CALL.updaterStatus]: nothing,
  [CALL.updaterCheckNow]: nothing,
  [CALL.updaterUseServer]: serverAddressSchema,
  [CALL.updaterReportCounter]: counterStateSchema,
  [CALL.printerList]: nothing,
  [CALL.printerPrint]: printRequestSchema,
  [CALL.kioskMode]: nothing,
  [CALL.kioskSetMode]: windowModeSchema,
  [CALL.appInfo]: nothing,
  [CALL.appQuit]: nothing,
} as const satisfies Record<CallChannel, z.ZodType>;

export type CallInput<C extends CallChannel> = z.infer<(typeof CALL_INPUTS)[C]>;

/** What each call answers with, when it goes through. */
export interface CallOutputs {
  [CALL.readerStatus]: ReaderStatus;
  [CALL.readerDevices]: HidDeviceChoice[];
  [CALL.readerChoose]: ReaderStatus;
  [CALL.updaterStatus]: UpdaterStatus;
  [CALL.updaterCheckNow]: UpdaterStatus;
  [CALL.updaterUseServer]: UpdaterStatus;
  [CALL.updaterReportCounter]: null;
  [CALL.printerList]: string[];
  [CALL.printerPrint]: null;
  [CALL.kioskMode]: WindowMode;
  [CALL.kioskSetMode]: WindowMode;
  [CALL.appInfo]: AppInfo;
  [CALL.appQuit]: null;
}

/** What each event carries from main. */
export interface EventPayloads {
  [EVENT.readerCard]: string;
  [EVENT.readerStatus]: ReaderStatus;
  [EVENT.updaterStatus]: UpdaterStatus;
}
