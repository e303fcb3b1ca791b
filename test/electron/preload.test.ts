import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CALL, EVENT, type CallChannel, type EventChannel } from '../../shared/bridge/channels';
import type { TreuBridge } from '../../shared/bridge/contract';

type Forward = (event: unknown, payload: unknown) => void;

/** The fake Electron the preload sees: what it exposes and what it sends and hears. */
const electron = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  const listeners = new Map<string, Set<Forward>>();
  return {
    exposed,
    listeners,
    contextBridge: {
      exposeInMainWorld: vi.fn((name: string, api: unknown) => {
        exposed.set(name, api);
      }),
    },
    ipcRenderer: {
      invoke: vi.fn((channel: string, input: unknown) =>
        Promise.resolve({ ok: true, value: { channel, input } }),
      ),
      on: vi.fn((channel: string, listener: Forward) => {
        const set = listeners.get(channel) ?? new Set<Forward>();
        set.add(listener);
        listeners.set(channel, set);
      }),
      removeListener: vi.fn((channel: string, listener: Forward) => {
        listeners.get(channel)?.delete(listener);
      }),
    },
  };
});

vi.mock('electron', () => ({
  contextBridge: electron.contextBridge,
  ipcRenderer: electron.ipcRenderer,
}));

/** Sends an event from main to every listener on the channel, as ipcRenderer would. */
function emit(channel: EventChannel, payload: unknown): void {
  for (const listener of electron.listeners.get(channel) ?? []) listener({ sender: {} }, payload);
}

async function exposedBridge(): Promise<TreuBridge> {
  await import('../../electron/preload');
  const api = electron.exposed.get('treu');
  if (api === undefined) throw new Error('window.treu was not exposed');
  // The preload builds it `satisfies TreuBridge`; here it comes back as what was exposed.
  return api as TreuBridge;
}

beforeEach(() => {
  electron.ipcRenderer.invoke.mockClear();
  electron.ipcRenderer.on.mockClear();
  electron.ipcRenderer.removeListener.mockClear();
  electron.listeners.clear();
});

describe('the preload', () => {
  it('exposes the bridge as window.treu, and nothing else', async () => {
    const { bridge } = await import('../../electron/preload');
    expect(await exposedBridge()).toBe(bridge);
    expect([...electron.exposed.keys()]).toEqual(['treu']);
  });

  const calls: readonly [string, (treu: TreuBridge) => Promise<unknown>, CallChannel, unknown][] = [
    ['reader.status', (treu) => treu.reader.status(), CALL.readerStatus, undefined],
    ['reader.devices', (treu) => treu.reader.devices(), CALL.readerDevices, undefined],
    [
      'reader.choose',
      (treu) => treu.reader.choose({ kind: 'device', vendorId: 1, productId: 2 }),
      CALL.readerChoose,
      { kind: 'device', vendorId: 1, productId: 2 },
    ],
    ['updater.status', (treu) => treu.updater.status(), CALL.updaterStatus, undefined],
    ['updater.checkNow', (treu) => treu.updater.checkNow(), CALL.updaterCheckNow, undefined],
    [
      'updater.useServer',
      (treu) => treu.updater.useServer('https://sync.example.com'),
      CALL.updaterUseServer,
      'https://sync.example.com',
    ],
    [
      'updater.reportCounter',
      (treu) => treu.updater.reportCounter({ memberOnScreen: true, actionInProgress: false }),
      CALL.updaterReportCounter,
      { memberOnScreen: true, actionInProgress: false },
    ],
    ['printer.list', (treu) => treu.printer.list(), CALL.printerList, undefined],
    [
      'printer.print',
      (treu) => treu.printer.print({ printer: 'Star' }),
      CALL.printerPrint,
      { printer: 'Star' },
    ],
    ['kiosk.mode', (treu) => treu.kiosk.mode(), CALL.kioskMode, undefined],
    ['kiosk.setMode', (treu) => treu.kiosk.setMode('windowed'), CALL.kioskSetMode, 'windowed'],
    ['app.info', (treu) => treu.app.info(), CALL.appInfo, undefined],
    ['app.quit', (treu) => treu.app.quit(), CALL.appQuit, undefined],
  ];

  it.each(calls)(
    '%s invokes its channel with its argument and answers what main answers',
    async (_name, callIt, channel, input) => {
      const treu = await exposedBridge();
      const answer = await callIt(treu);
      expect(electron.ipcRenderer.invoke).toHaveBeenCalledTimes(1);
      const [sentChannel, sentInput] = electron.ipcRenderer.invoke.mock.calls[0] ?? [];
      expect(sentChannel).toBe(channel);
      expect(sentInput).toEqual(input);
      expect(answer).toEqual({ ok: true, value: { channel, input } });
    },
  );

  it('has a method for every call channel, and no other call methods', async () => {
    const treu = await exposedBridge();
    const methods = Object.entries(treu).flatMap(([namespace, api]) =>
      Object.keys(api as object)
        .filter((name) => !name.startsWith('on'))
        .map((name) => `${namespace}.${name}`),
    );
    expect(methods.sort()).toEqual(calls.map(([name]) => name).sort());
    expect(new Set(calls.map(([, , channel]) => channel))).toEqual(new Set(Object.values(CALL)));
  });

  const subscriptions: readonly [
    string,
    (treu: TreuBridge, listener: (payload: unknown) => void) => () => void,
    EventChannel,
    unknown,
  ][] = [
    ['reader.onCard', (treu, listener) => treu.reader.onCard(listener), EVENT.readerCard, 'T1234'],
    [
      'reader.onStatus',
      (treu, listener) => treu.reader.onStatus(listener),
      EVENT.readerStatus,
      { state: 'connected', device: 'Honeywell' },
    ],
    [
      'updater.onStatus',
      (treu, listener) => treu.updater.onStatus(listener),
      EVENT.updaterStatus,
      { state: 'downloading', version: '0.2.0', percent: 40 },
    ],
  ];

  it.each(subscriptions)(
    '%s hands each payload to the listener, without the IPC event',
    async (_name, subscribe, channel, payload) => {
      const treu = await exposedBridge();
      const listener = vi.fn();
      subscribe(treu, listener);
      emit(channel, payload);
      expect(listener).toHaveBeenCalledTimes(1);
      expect(listener).toHaveBeenCalledWith(payload);
    },
  );

  it.each(subscriptions)(
    '%s unsubscribes by removing the very function it added',
    async (_name, subscribe, channel, payload) => {
      const treu = await exposedBridge();
      const listener = vi.fn();
      const unsubscribe = subscribe(treu, listener);
      const [addedChannel, added] = electron.ipcRenderer.on.mock.calls[0] ?? [];
      expect(addedChannel).toBe(channel);

      unsubscribe();
      expect(electron.ipcRenderer.removeListener).toHaveBeenCalledTimes(1);
      const [removedChannel, removed] = electron.ipcRenderer.removeListener.mock.calls[0] ?? [];
      expect(removedChannel).toBe(channel);
      expect(removed).toBe(added);
      expect(electron.listeners.get(channel)?.size).toBe(0);

      emit(channel, payload);
      expect(listener).not.toHaveBeenCalled();
    },
  );

  it('keeps two subscriptions apart: ending one leaves the other listening', async () => {
    const treu = await exposedBridge();
    const first = vi.fn();
    const second = vi.fn();
    const stopFirst = treu.reader.onCard(first);
    treu.reader.onCard(second);
    stopFirst();
    emit(EVENT.readerCard, 'T42');
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith('T42');
  });
});
