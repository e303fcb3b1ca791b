import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  startCardReader,
  type CardReader,
  type CardReaderOptions,
  type HidDeviceInfo,
} from '../../electron/reader/card-reader';
import type { ReaderStatus } from '../../shared/bridge/contract';

const READER: HidDeviceInfo = {
  vendorId: 0x1234,
  productId: 0x5678,
  path: '/dev/hidraw3',
  manufacturer: 'ACME',
  product: 'Card Reader',
  usagePage: 1,
  usage: 6,
};
const READER_CHOICE = { kind: 'device', vendorId: 0x1234, productId: 0x5678 } as const;
const HONEYWELL: HidDeviceInfo = {
  vendorId: 0x0c2e,
  productId: 0x0b61,
  path: '/dev/hidraw5',
  manufacturer: 'Honeywell',
  product: 'Xenon 1900',
  usagePage: 1,
  usage: 6,
};
const KEYBOARD: HidDeviceInfo = {
  vendorId: 0x046d,
  productId: 0xc31c,
  path: '/dev/hidraw0',
  manufacturer: 'Logitech',
  product: 'USB Keyboard',
  usagePage: 1,
  usage: 6,
};

/** A handle as node-hid's HIDAsync gives it: it emits 'data' and 'error'. */
function fakeHandle() {
  return Object.assign(new EventEmitter(), {
    close: vi.fn(() => Promise.resolve()),
  });
}
type FakeHandle = ReturnType<typeof fakeHandle>;

/** A HidPort over a mutable list of plugged-in devices. */
function fakePort(plugged: HidDeviceInfo[]) {
  const opened: { path: string; handle: FakeHandle }[] = [];
  const port = {
    plugged,
    opened,
    devices: vi.fn(() => Promise.resolve([...plugged])),
    open: vi.fn((path: string) => {
      const handle = fakeHandle();
      opened.push({ path, handle });
      return Promise.resolve(handle);
    }),
    unplug(device: HidDeviceInfo) {
      plugged.splice(plugged.indexOf(device), 1);
    },
    /** The handle opened last, still or no longer open. */
    last(): FakeHandle {
      const last = opened.at(-1);
      if (!last) throw new Error('Nothing was opened');
      return last.handle;
    },
  };
  return port;
}

const USAGE: Readonly<Record<string, number>> = {
  T: 0x17,
  '0': 0x27,
  ...Object.fromEntries(Array.from({ length: 9 }, (_, i) => [String(i + 1), 0x1e + i] as const)),
};
const SHIFT = 0x02;
const ENTER = 0x28;
const keyReport = (modifiers: number, usage: number) =>
  Buffer.from([modifiers, 0, usage, 0, 0, 0, 0, 0]);
const KEY_UP = Buffer.alloc(8);

/** The boot reports a reader sends for `text` and Enter, with key-ups between. */
function reportsFor(text: string): Buffer[] {
  const reports: Buffer[] = [];
  for (const character of text) {
    const usage = USAGE[character];
    if (usage === undefined) throw new Error(`No usage for ${character}`);
    reports.push(keyReport(character === 'T' ? SHIFT : 0, usage), KEY_UP);
  }
  reports.push(keyReport(0, ENTER), KEY_UP);
  return reports;
}

function swipe(handle: FakeHandle, text: string): void {
  for (const report of reportsFor(text)) handle.emit('data', report);
}

let running: CardReader[] = [];

afterEach(async () => {
  await Promise.all(running.map((reader) => reader.stop()));
  running = [];
});

function start(port: ReturnType<typeof fakePort>, options: Partial<CardReaderOptions> = {}) {
  const cards: string[] = [];
  const statuses: ReaderStatus[] = [];
  const reader = startCardReader({
    port,
    choice: READER_CHOICE,
    onCard: (text) => cards.push(text),
    onStatus: (status) => statuses.push(status),
    searchEveryMs: 10,
    ...options,
  });
  running.push(reader);
  return { reader, cards, statuses };
}

/** Waits until the reader's status is `state`. */
async function untilState(reader: CardReader, state: ReaderStatus['state']): Promise<void> {
  await vi.waitFor(
    () => {
      expect(reader.status().state).toBe(state);
    },
    { timeout: 5_000, interval: 2 },
  );
}

describe('the card reader', () => {
  it('opens the chosen reader and says it is connected, by name', async () => {
    const port = fakePort([KEYBOARD, READER]);
    const { reader, statuses } = start(port);
    await untilState(reader, 'connected');
    expect(reader.status()).toEqual({ state: 'connected', device: 'ACME Card Reader' });
    expect(port.open).toHaveBeenCalledWith('/dev/hidraw3');
    expect(port.open).toHaveBeenCalledTimes(1);
    expect(statuses).toEqual([{ state: 'connected', device: 'ACME Card Reader' }]);
  });

  it('names a reader that reports no name by its USB ids', async () => {
    const port = fakePort([{ vendorId: 0x1234, productId: 0x5678, path: '/dev/hidraw3' }]);
    const { reader } = start(port);
    await untilState(reader, 'connected');
    expect(reader.status().device).toBe('USB 1234:5678');
  });

  it('turns the reader’s keyboard reports into card reads', async () => {
    const port = fakePort([READER]);
    const { reader, cards } = start(port);
    await untilState(reader, 'connected');
    swipe(port.last(), 'T1234567890');
    swipe(port.last(), 'T42');
    expect(cards).toEqual(['T1234567890', 'T42']);
  });

  it('searches when the reader is unplugged, closing it, and reads again once it is back', async () => {
    const port = fakePort([READER]);
    const { reader, cards } = start(port);
    await untilState(reader, 'connected');
    const first = port.last();

    port.unplug(READER);
    first.emit('error', new Error('could not read from HID device'));
    await untilState(reader, 'searching');
    expect(first.close).toHaveBeenCalledTimes(1);

    port.plugged.push(READER);
    await untilState(reader, 'connected');
    expect(port.open).toHaveBeenCalledTimes(2);
    const second = port.last();
    expect(second).not.toBe(first);
    swipe(second, 'T7');
    expect(cards).toEqual(['T7']);
  });

  it('keeps searching while the reader is missing, and opens it when it is plugged in', async () => {
    const port = fakePort([KEYBOARD]);
    const { reader } = start(port);
    await untilState(reader, 'searching');
    await vi.waitFor(() => {
      expect(port.devices.mock.calls.length).toBeGreaterThanOrEqual(3);
    });
    expect(port.open).not.toHaveBeenCalled();
    port.plugged.push(READER);
    await untilState(reader, 'connected');
  });

  it('says why when the reader cannot be opened, and tries again later', async () => {
    const port = fakePort([READER]);
    const working = port.open.getMockImplementation();
    port.open.mockImplementation(() => Promise.reject(new Error('LIBUSB_ERROR_ACCESS')));
    const { reader } = start(port);
    await untilState(reader, 'error');
    expect(reader.status().device).toBe('ACME Card Reader');
    expect(reader.status().message).toContain('LIBUSB_ERROR_ACCESS');
    expect(reader.status().message).toContain('udev');

    if (!working) throw new Error('The fake port has no open implementation');
    port.open.mockImplementation(working);
    await untilState(reader, 'connected');
    expect(port.open.mock.calls.length).toBeGreaterThanOrEqual(2);
  });

  it('says so when the devices cannot be listed, and tries again later', async () => {
    const port = fakePort([READER]);
    port.devices.mockRejectedValueOnce(new Error('hid_enumerate failed'));
    const { reader } = start(port);
    await untilState(reader, 'error');
    expect(reader.status().message).toContain('hid_enumerate failed');
    await untilState(reader, 'connected');
  });

  it('closes the reader and stays off when told to use none', async () => {
    const port = fakePort([READER]);
    const { reader } = start(port);
    await untilState(reader, 'connected');
    const handle = port.last();
    expect(await reader.choose({ kind: 'off' })).toEqual({ state: 'off' });
    expect(handle.close).toHaveBeenCalledTimes(1);
    const listed = port.devices.mock.calls.length;
    // Five search periods: long enough for a search that should not happen to happen.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(port.devices.mock.calls.length).toBe(listed);
    expect(port.open).toHaveBeenCalledTimes(1);
  });

  it('starts off with the off choice and opens nothing', async () => {
    const port = fakePort([READER]);
    const { reader, statuses } = start(port, { choice: { kind: 'off' } });
    // Five search periods: long enough for a search that should not happen to happen.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(reader.status()).toEqual({ state: 'off' });
    expect(statuses).toEqual([]);
    expect(port.devices).not.toHaveBeenCalled();
    expect(port.open).not.toHaveBeenCalled();
  });

  it('with "any known reader", opens a known scanner and ignores an ordinary keyboard', async () => {
    const port = fakePort([KEYBOARD, HONEYWELL]);
    const { reader } = start(port, { choice: { kind: 'known' } });
    await untilState(reader, 'connected');
    expect(port.open).toHaveBeenCalledTimes(1);
    expect(port.open).toHaveBeenCalledWith(HONEYWELL.path);
    expect(reader.status().device).toBe('Honeywell Xenon 1900');
  });

  it('with "any known reader", does not open an unknown keyboard alone', async () => {
    const port = fakePort([KEYBOARD]);
    const { reader } = start(port, { choice: { kind: 'known' } });
    await untilState(reader, 'searching');
    expect(port.open).not.toHaveBeenCalled();
  });

  it('does not open a non-keyboard interface of the chosen device', async () => {
    const vendorInterface = { ...READER, path: '/dev/hidraw4', usagePage: 0xff00, usage: 1 };
    const port = fakePort([vendorInterface]);
    const { reader } = start(port);
    await untilState(reader, 'searching');
    expect(port.open).not.toHaveBeenCalled();
    port.plugged.push(READER);
    await untilState(reader, 'connected');
    expect(port.open).toHaveBeenCalledWith(READER.path);
  });

  it('switches to another chosen reader, closing the first', async () => {
    const port = fakePort([READER, HONEYWELL]);
    const { reader } = start(port);
    await untilState(reader, 'connected');
    const first = port.last();
    const status = await reader.choose({
      kind: 'device',
      vendorId: HONEYWELL.vendorId,
      productId: HONEYWELL.productId,
    });
    expect(status).toEqual({ state: 'connected', device: 'Honeywell Xenon 1900' });
    expect(first.close).toHaveBeenCalledTimes(1);
    expect(port.open).toHaveBeenLastCalledWith(HONEYWELL.path);
  });

  it('lists each plugged-in keyboard device once, saying which are known readers', async () => {
    const port = fakePort([
      KEYBOARD,
      { ...KEYBOARD, path: '/dev/hidraw1' },
      HONEYWELL,
      { ...HONEYWELL, path: '/dev/hidraw6', usagePage: 0xff00, usage: 1 },
      { vendorId: 0x05e0, productId: 0x1200, path: '/dev/hidraw7' },
    ]);
    const { reader } = start(port, { choice: { kind: 'off' } });
    expect(await reader.devices()).toEqual([
      { vendorId: 0x046d, productId: 0xc31c, name: 'Logitech USB Keyboard', known: false },
      { vendorId: 0x0c2e, productId: 0x0b61, name: 'Honeywell Xenon 1900', known: true },
      { vendorId: 0x05e0, productId: 0x1200, name: 'USB 05e0:1200', known: true },
    ]);
  });

  it('closes the reader when stopped, and searches no more', async () => {
    const port = fakePort([READER]);
    const { reader } = start(port);
    await untilState(reader, 'connected');
    const handle = port.last();
    await reader.stop();
    expect(handle.close).toHaveBeenCalledTimes(1);

    const searching = fakePort([]);
    const missing = start(searching);
    await untilState(missing.reader, 'searching');
    await missing.reader.stop();
    const listed = searching.devices.mock.calls.length;
    // Five search periods: long enough for a search that should not happen to happen.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(searching.devices.mock.calls.length).toBe(listed);
  });

  /** The handles opened and not closed since. */
  const stillOpen = (port: ReturnType<typeof fakePort>) =>
    port.opened.filter(({ handle }) => handle.close.mock.calls.length === 0);

  // Two restarts that overlap must not both search: each would open the reader, and the
  // handle opened first would never be closed.
  it('opens the reader only once when chosen again before the start has settled', async () => {
    const port = fakePort([READER]);
    const { reader } = start(port);
    await reader.choose(READER_CHOICE);
    await untilState(reader, 'connected');
    expect(port.open).toHaveBeenCalledTimes(1);
    expect(stillOpen(port)).toHaveLength(1);
  });

  // As a double click on "Use this reader" in Settings does.
  it('keeps one handle open when the manager chooses twice at once, and closes it on stop', async () => {
    const port = fakePort([READER]);
    const { reader } = start(port);
    await untilState(reader, 'connected');
    await Promise.all([reader.choose(READER_CHOICE), reader.choose(READER_CHOICE)]);
    expect(reader.status().state).toBe('connected');
    expect(stillOpen(port)).toHaveLength(1);
    await reader.stop();
    expect(stillOpen(port)).toHaveLength(0);
  });
});
