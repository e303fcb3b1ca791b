/**
 * The HID card reader: finds the configured reader among the plugged-in HID devices,
 * opens it exclusively (its keystrokes then never reach the screen), decodes its keyboard
 * reports into card ids, and tells the renderer. Unplugged, it looks again every couple
 * of seconds and reopens the reader when it comes back. node-hid sits behind HidPort, so
 * this runs in tests against a fake one.
 */
import type { HidDeviceChoice, ReaderChoice, ReaderStatus } from '../../shared/bridge/contract';
import { createHidKeyboardDecoder } from './hid-keyboard-decoder';
import { knownReaderFor } from './known-readers';

export interface HidDeviceInfo {
  readonly vendorId: number;
  readonly productId: number;
  readonly path?: string | undefined;
  readonly product?: string | undefined;
  readonly manufacturer?: string | undefined;
  readonly usagePage?: number | undefined;
  readonly usage?: number | undefined;
}

export interface HidHandle {
  on(event: 'data', listener: (report: Uint8Array) => void): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  close(): Promise<void>;
}

/** node-hid, as much as the reader uses. */
export interface HidPort {
  devices(): Promise<readonly HidDeviceInfo[]>;
  open(path: string): Promise<HidHandle>;
}

export interface CardReaderOptions {
  readonly port: HidPort;
  readonly choice: ReaderChoice;
  readonly onCard: (cardText: string) => void;
  readonly onStatus: (status: ReaderStatus) => void;
  /** How often to look for the reader while it is missing. */
  readonly searchEveryMs?: number;
  readonly now?: () => number;
}

export interface CardReader {
  status(): ReaderStatus;
  devices(): Promise<HidDeviceChoice[]>;
  choose(choice: ReaderChoice): Promise<ReaderStatus>;
  stop(): Promise<void>;
}

/** The keyboard interface (usage page 1, usage 6) when the OS says; any interface if not. */
const isKeyboardInterface = (device: HidDeviceInfo) =>
  device.usagePage === undefined || (device.usagePage === 1 && device.usage === 6);

const nameOf = (device: HidDeviceInfo) =>
  [device.manufacturer, device.product].filter(Boolean).join(' ').trim() ||
  `USB ${device.vendorId.toString(16).padStart(4, '0')}:${device.productId.toString(16).padStart(4, '0')}`;

function matches(choice: ReaderChoice, device: HidDeviceInfo): boolean {
  if (choice.kind === 'off') return false;
  if (choice.kind === 'known')
    return knownReaderFor(device.vendorId, device.productId) !== undefined;
  return device.vendorId === choice.vendorId && device.productId === choice.productId;
}

export function startCardReader(options: CardReaderOptions): CardReader {
  const { port } = options;
  const now = options.now ?? Date.now;
  const searchEveryMs = options.searchEveryMs ?? 2_000;
  let choice = options.choice;
  let status: ReaderStatus = { state: 'off' };
  let open: HidHandle | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  // Read through a function: the flow checker cannot see an await change it.
  const isCurrent = (mine: number) => !stopped && mine === generation;
  // Each choice or reopen gets a new generation: late answers of an older one are dropped.
  let generation = 0;

  const tell = (next: ReaderStatus) => {
    if (JSON.stringify(next) === JSON.stringify(status)) return;
    status = next;
    options.onStatus(next);
  };

  const searchSoon = (mine: number) => {
    if (stopped || mine !== generation) return;
    timer = setTimeout(() => void search(mine), searchEveryMs);
  };

  const closeOpen = async () => {
    const handle = open;
    open = undefined;
    // Closing a reader that is already gone fails; it is closed either way.
    await handle?.close().catch(() => undefined);
  };

  async function search(mine: number): Promise<void> {
    timer = undefined;
    if (stopped || mine !== generation || choice.kind === 'off') return;
    let found: HidDeviceInfo | undefined;
    try {
      found = (await port.devices()).find(
        (device) => device.path && isKeyboardInterface(device) && matches(choice, device),
      );
    } catch (error) {
      tell({ state: 'error', message: `The USB devices cannot be listed: ${String(error)}` });
      searchSoon(mine);
      return;
    }
    if (mine !== generation) return;
    if (!found?.path) {
      tell({ state: 'searching' });
      searchSoon(mine);
      return;
    }
    let handle: HidHandle;
    try {
      handle = await port.open(found.path);
    } catch (error) {
      tell({
        state: 'error',
        device: nameOf(found),
        message: `The reader is plugged in but cannot be opened (${error instanceof Error ? error.message : String(error)}). On Linux it needs a udev rule, on Windows its HID-POS mode: see docs/operations.md, Card readers.`,
      });
      searchSoon(mine);
      return;
    }
    if (!isCurrent(mine)) {
      await handle.close().catch(() => undefined);
      return;
    }
    open = handle;
    const decoder = createHidKeyboardDecoder();
    handle.on('data', (report) => {
      for (const read of decoder.push(report, now())) {
        if (read.kind === 'card') options.onCard(read.text);
      }
    });
    handle.on('error', () => {
      // Unplugged (or the device failed): close it and look for it again.
      if (mine !== generation || open !== handle) return;
      void closeOpen().then(() => {
        // A choice made while it closed (off, another reader) has the last word.
        if (!isCurrent(mine)) return;
        tell({ state: 'searching' });
        searchSoon(mine);
      });
    });
    tell({ state: 'connected', device: nameOf(found) });
  }

  const restart = async () => {
    // This restart's generation, taken before any await: a later choice supersedes it.
    generation += 1;
    const mine = generation;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    await closeOpen();
    if (!isCurrent(mine)) return;
    if (choice.kind === 'off') {
      tell({ state: 'off' });
      return;
    }
    await search(mine);
  };

  void restart();

  return {
    status: () => status,
    async devices() {
      const all = await port.devices();
      const seen = new Set<string>();
      return all
        .filter((device) => isKeyboardInterface(device))
        .filter((device) => {
          const key = `${device.vendorId}:${device.productId}`;
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        })
        .map((device) => ({
          vendorId: device.vendorId,
          productId: device.productId,
          name: nameOf(device),
          known: knownReaderFor(device.vendorId, device.productId) !== undefined,
        }));
    },
    async choose(next) {
      choice = next;
      await restart();
      return status;
    },
    async stop() {
      stopped = true;
      generation += 1;
      if (timer !== undefined) clearTimeout(timer);
      await closeOpen();
    },
  };
}
