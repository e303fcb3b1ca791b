/**
 * The one bridge between the Electron shell and the renderer: `window.treu`. The preload
 * builds it and `satisfies` TreuBridge; the renderer feature-detects it and never assumes
 * it (a browser or a tablet has none). Every call crosses IPC, so every input is checked
 * by main with the schemas below and every answer is a BridgeAnswer, never a throw.
 */
import { z } from 'zod';

/** How a bridge call failed, in words a manager can act on. */
export interface BridgeError {
  readonly code: 'invalid_input' | 'not_allowed' | 'unavailable' | 'failed';
  readonly message: string;
}

export type BridgeAnswer<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: BridgeError };

/** Stops a subscription. */
export type Unsubscribe = () => void;

// --- reader -------------------------------------------------------------------------

export const readerStatusSchema = z.strictObject({
  /** `off`: no reader configured; `searching`: configured but not plugged in. */
  state: z.enum(['off', 'searching', 'connected', 'error']),
  /** The reader's name as the device reports it, once found. */
  device: z.string().optional(),
  /** With `error`: what went wrong, in a sentence. */
  message: z.string().optional(),
});
export type ReaderStatus = z.infer<typeof readerStatusSchema>;

const usbId = z.number().int().min(0).max(0xffff);

/** A HID device the manager can choose as the card reader. */
export const hidDeviceSchema = z.strictObject({
  vendorId: usbId,
  productId: usbId,
  name: z.string(),
  /** Whether it is one of the readers Treu knows. */
  known: z.boolean(),
});
export type HidDeviceChoice = z.infer<typeof hidDeviceSchema>;

/** Which reader to open: a vendor and product id, any known reader, or none. */
export const readerChoiceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('device'), vendorId: usbId, productId: usbId }),
  z.strictObject({ kind: z.literal('known') }),
  z.strictObject({ kind: z.literal('off') }),
]);
export type ReaderChoice = z.infer<typeof readerChoiceSchema>;

// --- updater ------------------------------------------------------------------------

export const updaterStatusSchema = z.strictObject({
  state: z.enum(['off', 'checking', 'up_to_date', 'downloading', 'ready', 'installing', 'error']),
  /** The version being downloaded or ready. */
  version: z.string().optional(),
  /** Download progress, 0 to 100. */
  percent: z.number().min(0).max(100).optional(),
  /** With `ready`: when it will be installed, in words (the counter idle, or an hour). */
  message: z.string().optional(),
});
export type UpdaterStatus = z.infer<typeof updaterStatusSchema>;

/** Where the counter is: the updater installs only when no member is on screen. */
export const counterStateSchema = z.strictObject({
  memberOnScreen: z.boolean(),
  /** A counter action is being written: never restart in the middle of one. */
  actionInProgress: z.boolean(),
});
export type CounterState = z.infer<typeof counterStateSchema>;

/** The sync server the terminal is enrolled with: its `/updates/` is the update feed. */
export const serverAddressSchema = z
  .string()
  .max(2_000)
  .refine((text) => {
    try {
      const url = new URL(text);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      // Not a URL at all: refused like any other bad address.
      return false;
    }
  }, 'an http or https address');

// --- printer, kiosk, app ------------------------------------------------------------

export const printRequestSchema = z.strictObject({
  /** A printer's name from `printer.list()`; the system's default when absent. */
  printer: z.string().min(1).max(200).optional(),
});
export type PrintRequest = z.infer<typeof printRequestSchema>;

export const windowModeSchema = z.enum(['kiosk', 'fullscreen', 'windowed']);
export type WindowMode = z.infer<typeof windowModeSchema>;

export const appInfoSchema = z.strictObject({
  version: z.string(),
  platform: z.string(),
  electron: z.string(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

// --- the bridge ---------------------------------------------------------------------

export interface TreuBridge {
  readonly reader: {
    status(): Promise<BridgeAnswer<ReaderStatus>>;
    /** HID devices plugged in now, for Settings. */
    devices(): Promise<BridgeAnswer<HidDeviceChoice[]>>;
    choose(choice: ReaderChoice): Promise<BridgeAnswer<ReaderStatus>>;
    onCard(listener: (cardText: string) => void): Unsubscribe;
    onStatus(listener: (status: ReaderStatus) => void): Unsubscribe;
  };
  readonly updater: {
    status(): Promise<BridgeAnswer<UpdaterStatus>>;
    checkNow(): Promise<BridgeAnswer<UpdaterStatus>>;
    useServer(address: string): Promise<BridgeAnswer<UpdaterStatus>>;
    reportCounter(state: CounterState): Promise<BridgeAnswer<null>>;
    onStatus(listener: (status: UpdaterStatus) => void): Unsubscribe;
  };
  readonly printer: {
    list(): Promise<BridgeAnswer<string[]>>;
    /** Prints the page as it is now (a member's card), without a dialog. */
    print(request: PrintRequest): Promise<BridgeAnswer<null>>;
  };
  readonly kiosk: {
    mode(): Promise<BridgeAnswer<WindowMode>>;
    setMode(mode: WindowMode): Promise<BridgeAnswer<WindowMode>>;
  };
  readonly app: {
    info(): Promise<BridgeAnswer<AppInfo>>;
    quit(): Promise<BridgeAnswer<null>>;
  };
}
