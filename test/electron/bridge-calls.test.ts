import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi, type Mock } from 'vitest';
import { bridgeHandlers, type MainServices } from '../../electron/bridge-handlers';
import { defaultConfig, type TerminalConfig } from '../../electron/config/terminal-config';
import {
  registerBridgeCalls,
  type BridgeHandlers,
  type CallRegistry,
} from '../../electron/ipc/register-bridge-calls';
import type { CardReader } from '../../electron/reader/card-reader';
import type { AutoUpdate } from '../../electron/updater/auto-update';
import type { CallInput, CallOutputs } from '../../shared/bridge/call-inputs';
import { CALL, type CallChannel } from '../../shared/bridge/channels';
import type {
  BridgeAnswer,
  ReaderStatus,
  UpdaterStatus,
  WindowMode,
} from '../../shared/bridge/contract';

/** What each spy handler answers, so a test can tell the handler's answer came back. */
const ANSWERS: { readonly [C in CallChannel]: CallOutputs[C] } = {
  [CALL.readerStatus]: { state: 'connected', device: 'Honeywell 1900' },
  [CALL.readerDevices]: [{ vendorId: 0x0c2e, productId: 0x0b61, name: 'Honeywell', known: true }],
  [CALL.readerChoose]: { state: 'searching' },
  [CALL.updaterStatus]: { state: 'up_to_date' },
  [CALL.updaterCheckNow]: { state: 'checking' },
  [CALL.updaterUseServer]: { state: 'checking' },
  [CALL.updaterReportCounter]: null,
  [CALL.printerList]: ['Star TSP100'],
  [CALL.printerPrint]: null,
  [CALL.kioskMode]: 'kiosk',
  [CALL.kioskSetMode]: 'windowed',
  [CALL.appInfo]: { version: '0.1.0', platform: 'linux', electron: '40.10.2' },
  [CALL.appQuit]: null,
};

function spy<C extends CallChannel>(
  channel: C,
): Mock<(input: CallInput<C>) => BridgeAnswer<CallOutputs[C]>> {
  return vi.fn((_input: CallInput<C>): BridgeAnswer<CallOutputs[C]> => ({
    ok: true,
    value: ANSWERS[channel],
  }));
}

function spyHandlers() {
  return {
    [CALL.readerStatus]: spy(CALL.readerStatus),
    [CALL.readerDevices]: spy(CALL.readerDevices),
    [CALL.readerChoose]: spy(CALL.readerChoose),
    [CALL.updaterStatus]: spy(CALL.updaterStatus),
    [CALL.updaterCheckNow]: spy(CALL.updaterCheckNow),
    [CALL.updaterUseServer]: spy(CALL.updaterUseServer),
    [CALL.updaterReportCounter]: spy(CALL.updaterReportCounter),
    [CALL.printerList]: spy(CALL.printerList),
    [CALL.printerPrint]: spy(CALL.printerPrint),
    [CALL.kioskMode]: spy(CALL.kioskMode),
    [CALL.kioskSetMode]: spy(CALL.kioskSetMode),
    [CALL.appInfo]: spy(CALL.appInfo),
    [CALL.appQuit]: spy(CALL.appQuit),
  } satisfies BridgeHandlers;
}

type Listener = Parameters<CallRegistry['handle']>[1];

interface FakeFrame {
  readonly url: string;
  readonly parent: FakeFrame | null;
}

const APP_PAGE: FakeFrame = { url: 'treu://app/index.html', parent: null };

/** Registers the calls on a fake ipcMain and returns a way to invoke them as a frame would. */
function registered(handlers: BridgeHandlers) {
  const listeners = new Map<string, Listener>();
  registerBridgeCalls(
    {
      handle(channel, listener) {
        listeners.set(channel, listener);
      },
    },
    handlers,
  );
  return {
    channels: () => [...listeners.keys()],
    async invoke(
      channel: CallChannel,
      frame: FakeFrame | null | undefined,
      ...args: unknown[]
    ): Promise<unknown> {
      const listener = listeners.get(channel);
      if (!listener) throw new Error(`${channel} is not registered`);
      // The check reads only senderFrame's url and parent; the rest of the event is not faked.
      const event = { senderFrame: frame } as unknown as IpcMainInvokeEvent;
      const answer: unknown = await listener(event, ...args);
      return answer;
    },
  };
}

/** A valid input for each call, as the preload sends it. */
const VALID_INPUTS: { readonly [C in CallChannel]: unknown } = {
  [CALL.readerStatus]: undefined,
  [CALL.readerDevices]: undefined,
  [CALL.readerChoose]: { kind: 'device', vendorId: 0x0c2e, productId: 0x0b61 },
  [CALL.updaterStatus]: undefined,
  [CALL.updaterCheckNow]: undefined,
  [CALL.updaterUseServer]: 'https://sync.example.com',
  [CALL.updaterReportCounter]: { memberOnScreen: false, actionInProgress: false },
  [CALL.printerList]: undefined,
  [CALL.printerPrint]: { printer: 'Star TSP100' },
  [CALL.kioskMode]: undefined,
  [CALL.kioskSetMode]: 'windowed',
  [CALL.appInfo]: undefined,
  [CALL.appQuit]: undefined,
};

const CHANNELS = Object.values(CALL);

describe('the bridge calls in main', () => {
  it('registers every call channel, and nothing else', () => {
    const bridge = registered(spyHandlers());
    expect(bridge.channels().sort()).toEqual([...CHANNELS].sort());
  });

  it.each(CHANNELS)(
    'passes %s from the app page with a valid input to its handler',
    async (channel) => {
      const handlers = spyHandlers();
      const bridge = registered(handlers);
      const answer = await bridge.invoke(channel, APP_PAGE, VALID_INPUTS[channel]);
      expect(answer).toEqual({ ok: true, value: ANSWERS[channel] });
      expect(handlers[channel]).toHaveBeenCalledTimes(1);
      expect(handlers[channel]).toHaveBeenCalledWith(VALID_INPUTS[channel]);
    },
  );

  it('accepts a call without an argument sent with none at all', async () => {
    const handlers = spyHandlers();
    const bridge = registered(handlers);
    expect(await bridge.invoke(CALL.appInfo, APP_PAGE)).toEqual({
      ok: true,
      value: ANSWERS[CALL.appInfo],
    });
  });

  it.each([
    ['another origin', { url: 'https://evil.example/', parent: null }],
    ['a lookalike of the app origin', { url: 'treu://app.evil/index.html', parent: null }],
    ['a subframe of the app page', { url: 'treu://app/index.html', parent: APP_PAGE }],
    ['a frame without an address', { url: '', parent: null }],
    ['no frame (it is gone)', null],
    ['an undefined frame', undefined],
  ] as const)('refuses %s as not_allowed, and runs no handler', async (_who, frame) => {
    const handlers = spyHandlers();
    const bridge = registered(handlers);
    for (const channel of CHANNELS) {
      const answer = await bridge.invoke(channel, frame, VALID_INPUTS[channel]);
      expect(answer, channel).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
      expect(handlers[channel], channel).not.toHaveBeenCalled();
    }
  });

  it.each([
    [CALL.readerChoose, { kind: 'device', vendorId: -1, productId: 1 }],
    [CALL.readerChoose, { kind: 'device', vendorId: 0x10000, productId: 1 }],
    [CALL.readerChoose, { kind: 'device', vendorId: 1.5, productId: 1 }],
    [CALL.readerChoose, { kind: 'device', vendorId: 1 }],
    [CALL.readerChoose, { kind: 'bogus' }],
    [CALL.readerChoose, { kind: 'known', extra: true }],
    [CALL.readerChoose, 'known'],
    [CALL.readerChoose, undefined],
    [CALL.updaterUseServer, 'javascript:alert(1)'],
    [CALL.updaterUseServer, 'ftp://x'],
    [CALL.updaterUseServer, 'file:///etc/passwd'],
    [CALL.updaterUseServer, 'not an address'],
    [CALL.updaterUseServer, `https://example.com/${'a'.repeat(2_000)}`],
    [CALL.updaterUseServer, 8080],
    [CALL.updaterUseServer, { toString: 'https://example.com' }],
    [CALL.kioskSetMode, 'evil'],
    [CALL.kioskSetMode, 'Kiosk'],
    [CALL.updaterReportCounter, { memberOnScreen: false }],
    [CALL.updaterReportCounter, { memberOnScreen: 'no', actionInProgress: false }],
    [CALL.updaterReportCounter, { memberOnScreen: false, actionInProgress: false, x: 1 }],
    [CALL.printerPrint, { printer: '' }],
    [CALL.printerPrint, { printer: 'x'.repeat(201) }],
    [CALL.readerStatus, {}],
    [CALL.appQuit, true],
    [CALL.appInfo, null],
    [CALL.readerDevices, 'all'],
  ] as const)(
    'refuses %s with input %j as invalid_input, and runs no handler',
    async (channel, input) => {
      const handlers = spyHandlers();
      const bridge = registered(handlers);
      const answer = await bridge.invoke(channel, APP_PAGE, input);
      const namingTheChannel: unknown = expect.stringContaining(`${channel}: `);
      expect(answer).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', message: namingTheChannel },
      });
      expect(handlers[channel]).not.toHaveBeenCalled();
    },
  );

  it('names the field that is wrong in an invalid_input message', async () => {
    const bridge = registered(spyHandlers());
    const answer = await bridge.invoke(CALL.updaterReportCounter, APP_PAGE, {
      memberOnScreen: false,
    });
    const namingTheField: unknown = expect.stringContaining('actionInProgress');
    expect(answer).toMatchObject({
      error: { code: 'invalid_input', message: namingTheField },
    });
  });

  it('answers failed with the message when a handler throws', async () => {
    const handlers = {
      ...spyHandlers(),
      [CALL.readerDevices]: vi.fn<BridgeHandlers[typeof CALL.readerDevices]>(() => {
        throw new Error('LIBUSB_ERROR_ACCESS');
      }),
    };
    const bridge = registered(handlers);
    expect(await bridge.invoke(CALL.readerDevices, APP_PAGE)).toEqual({
      ok: false,
      error: { code: 'failed', message: 'LIBUSB_ERROR_ACCESS' },
    });
  });

  it('answers failed when an async handler rejects', async () => {
    const handlers = {
      ...spyHandlers(),
      [CALL.printerList]: vi.fn<BridgeHandlers[typeof CALL.printerList]>(() =>
        Promise.reject(new Error('no CUPS')),
      ),
    };
    const bridge = registered(handlers);
    expect(await bridge.invoke(CALL.printerList, APP_PAGE)).toEqual({
      ok: false,
      error: { code: 'failed', message: 'no CUPS' },
    });
  });
});

/** Fake services for bridgeHandlers, with the config held as main holds it. */
function fakeServices(start: TerminalConfig = defaultConfig()) {
  let config = start;
  const readerStatus: ReaderStatus = { state: 'connected', device: 'Honeywell' };
  const updaterStatus: UpdaterStatus = { state: 'checking' };
  const reader = {
    status: vi.fn<CardReader['status']>(() => readerStatus),
    devices: vi.fn<CardReader['devices']>(() => Promise.resolve([])),
    choose: vi.fn<CardReader['choose']>(() => Promise.resolve(readerStatus)),
    stop: vi.fn<CardReader['stop']>(() => Promise.resolve()),
  };
  const updates = {
    status: vi.fn<AutoUpdate['status']>(() => updaterStatus),
    checkNow: vi.fn<AutoUpdate['checkNow']>(() => Promise.resolve(updaterStatus)),
    useServer: vi.fn<AutoUpdate['useServer']>(() => Promise.resolve(updaterStatus)),
    reportCounter: vi.fn<AutoUpdate['reportCounter']>(),
    stop: vi.fn<AutoUpdate['stop']>(),
  };
  const saveConfig = vi.fn<MainServices['saveConfig']>((next) => {
    config = next;
    return Promise.resolve();
  });
  let mode: WindowMode = 'kiosk';
  const window = {
    mode: vi.fn<MainServices['window']['mode']>(() => mode),
    setMode: vi.fn<MainServices['window']['setMode']>((next) => {
      mode = next;
    }),
    printers: vi.fn<MainServices['window']['printers']>(() => Promise.resolve(['Star'])),
    print: vi.fn<MainServices['window']['print']>(() => Promise.resolve({ ok: true, value: null })),
  };
  const app = { version: '0.1.0', platform: 'linux', electron: '40.10.2', quit: vi.fn() };
  const services: MainServices = {
    reader,
    updates,
    config: () => config,
    saveConfig,
    window,
    app,
  };
  return {
    handlers: bridgeHandlers(services),
    reader,
    updates,
    saveConfig,
    window,
    app,
    config: () => config,
    readerStatus,
    updaterStatus,
  };
}

describe('the bridge handlers', () => {
  it('readerChoose saves the new reader and opens it', async () => {
    const fake = fakeServices();
    const choice = { kind: 'device', vendorId: 0x0c2e, productId: 0x0b61 } as const;
    const answer = await fake.handlers[CALL.readerChoose](choice);
    expect(answer).toEqual({ ok: true, value: fake.readerStatus });
    expect(fake.saveConfig).toHaveBeenCalledTimes(1);
    expect(fake.config()).toEqual({ ...defaultConfig(), reader: choice });
    expect(fake.reader.choose).toHaveBeenCalledWith(choice);
  });

  it('updaterUseServer saves a new server and switches the updater to it', async () => {
    const fake = fakeServices();
    const answer = await fake.handlers[CALL.updaterUseServer]('https://sync.example.com');
    expect(answer).toEqual({ ok: true, value: fake.updaterStatus });
    expect(fake.saveConfig).toHaveBeenCalledTimes(1);
    expect(fake.config().updates.server).toBe('https://sync.example.com');
    expect(fake.config().updates.idleMinutes).toBe(defaultConfig().updates.idleMinutes);
    expect(fake.updates.useServer).toHaveBeenCalledWith('https://sync.example.com');
  });

  it('updaterUseServer does not save the server it already has', async () => {
    const start = defaultConfig();
    const fake = fakeServices({
      ...start,
      updates: { ...start.updates, server: 'https://sync.example.com' },
    });
    await fake.handlers[CALL.updaterUseServer]('https://sync.example.com');
    expect(fake.saveConfig).not.toHaveBeenCalled();
    expect(fake.updates.useServer).toHaveBeenCalledWith('https://sync.example.com');
  });

  it('kioskSetMode sets the window mode and saves it', async () => {
    const fake = fakeServices();
    const answer = await fake.handlers[CALL.kioskSetMode]('windowed');
    expect(answer).toEqual({ ok: true, value: 'windowed' });
    expect(fake.window.setMode).toHaveBeenCalledWith('windowed');
    expect(fake.config().windowMode).toBe('windowed');
    expect(await fake.handlers[CALL.kioskMode](undefined)).toEqual({ ok: true, value: 'windowed' });
  });

  it('appQuit quits the app', async () => {
    const fake = fakeServices();
    expect(await fake.handlers[CALL.appQuit](undefined)).toEqual({ ok: true, value: null });
    expect(fake.app.quit).toHaveBeenCalledTimes(1);
  });

  it('updaterReportCounter hands the counter state to the updater', async () => {
    const fake = fakeServices();
    const state = { memberOnScreen: true, actionInProgress: false };
    expect(await fake.handlers[CALL.updaterReportCounter](state)).toEqual({
      ok: true,
      value: null,
    });
    expect(fake.updates.reportCounter).toHaveBeenCalledWith(state);
  });

  it('printerPrint prints on the named printer and answers what the window answers', async () => {
    const fake = fakeServices();
    expect(await fake.handlers[CALL.printerPrint]({ printer: 'Star' })).toEqual({
      ok: true,
      value: null,
    });
    expect(fake.window.print).toHaveBeenCalledWith('Star');
  });

  it('appInfo answers the versions main was given', async () => {
    const fake = fakeServices();
    expect(await fake.handlers[CALL.appInfo](undefined)).toEqual({
      ok: true,
      value: { version: '0.1.0', platform: 'linux', electron: '40.10.2' },
    });
  });
});
