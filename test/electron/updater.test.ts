import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  feedUrlOf,
  INSTALL_RETRY_MS,
  startAutoUpdate,
  type AutoUpdate,
  type AutoUpdateOptions,
  type Updater,
} from '../../electron/updater/auto-update';
import {
  decideInstall,
  trackCounter,
  type CounterActivity,
  type InstallRule,
} from '../../electron/updater/install-policy';
import type { UpdaterStatus } from '../../shared/bridge/contract';

const MINUTE = 60_000;
const IDLE_10: InstallRule = { when: 'idle', idleMinutes: 10, hour: 3 };
const AT_3: InstallRule = { when: 'hour', idleMinutes: 10, hour: 3 };
const T0 = Date.UTC(2026, 2, 14, 12, 0, 0);

const activity = (overrides: Partial<CounterActivity> = {}): CounterActivity => ({
  memberOnScreen: false,
  actionInProgress: false,
  lastBusyMs: T0,
  ...overrides,
});

describe('the install rule', () => {
  it('never installs during a counter action, even at the hour or idle for a day', () => {
    const busy = activity({ actionInProgress: true, lastBusyMs: T0 - 24 * 60 * MINUTE });
    expect(decideInstall(IDLE_10, busy, T0, 12)).toEqual({
      install: false,
      reason: 'action_in_progress',
    });
    expect(decideInstall(AT_3, busy, T0, 3)).toEqual({
      install: false,
      reason: 'action_in_progress',
    });
  });

  it('never installs with a member on screen, even at the hour or idle for a day', () => {
    const member = activity({ memberOnScreen: true, lastBusyMs: T0 - 24 * 60 * MINUTE });
    expect(decideInstall(IDLE_10, member, T0, 12)).toEqual({
      install: false,
      reason: 'member_on_screen',
    });
    expect(decideInstall(AT_3, member, T0, 3)).toEqual({
      install: false,
      reason: 'member_on_screen',
    });
  });

  it('with the idle rule, installs once the counter has been idle for idleMinutes, not before', () => {
    const idle = activity({ lastBusyMs: T0 });
    expect(decideInstall(IDLE_10, idle, T0 + 10 * MINUTE - 1, 12)).toEqual({
      install: false,
      reason: 'not_idle_yet',
    });
    expect(decideInstall(IDLE_10, idle, T0 + 10 * MINUTE, 12)).toEqual({ install: true });
    expect(decideInstall(IDLE_10, idle, T0 + 60 * MINUTE, 12)).toEqual({ install: true });
  });

  it('with the hour rule, installs only within that hour', () => {
    const idle = activity({ lastBusyMs: T0 - 60 * MINUTE });
    for (const hour of [0, 2, 4, 12, 23]) {
      expect(decideInstall(AT_3, idle, T0, hour), `hour ${hour}`).toEqual({
        install: false,
        reason: 'not_the_hour',
      });
    }
    expect(decideInstall(AT_3, idle, T0, 3)).toEqual({ install: true });
  });
});

describe('the counter tracker', () => {
  it('starts idle since the start', () => {
    expect(trackCounter(T0).current()).toEqual(activity({ lastBusyMs: T0 }));
  });

  it('moves lastBusyMs on every busy report', () => {
    const counter = trackCounter(T0);
    counter.report({ memberOnScreen: true, actionInProgress: false }, T0 + 1_000);
    expect(counter.current()).toEqual(activity({ memberOnScreen: true, lastBusyMs: T0 + 1_000 }));
    counter.report({ memberOnScreen: true, actionInProgress: true }, T0 + 2_000);
    expect(counter.current().lastBusyMs).toBe(T0 + 2_000);
  });

  it('moves lastBusyMs to the end of a busy period, then keeps it while idle', () => {
    const counter = trackCounter(T0);
    counter.report({ memberOnScreen: true, actionInProgress: false }, T0 + 1_000);
    counter.report({ memberOnScreen: false, actionInProgress: false }, T0 + 5_000);
    expect(counter.current()).toEqual(activity({ lastBusyMs: T0 + 5_000 }));
    counter.report({ memberOnScreen: false, actionInProgress: false }, T0 + 9_000);
    expect(counter.current().lastBusyMs).toBe(T0 + 5_000);
  });
});

/** electron-updater's autoUpdater as far as startAutoUpdate uses it. */
function fakeUpdater() {
  return Object.assign(new EventEmitter(), {
    autoDownload: false,
    autoInstallOnAppQuit: false,
    setFeedURL: vi.fn<Updater['setFeedURL']>(),
    checkForUpdates: vi.fn<Updater['checkForUpdates']>(() => Promise.resolve(null)),
    quitAndInstall: vi.fn<Updater['quitAndInstall']>(),
  });
}

describe('auto-update', () => {
  const INSTALL_CHECK_MS = 1_000;
  let clock: number;
  let hour: number;
  let running: AutoUpdate | undefined;

  beforeEach(() => {
    vi.useFakeTimers();
    clock = T0;
    hour = 12;
  });

  afterEach(() => {
    running?.stop();
    running = undefined;
    vi.useRealTimers();
  });

  function start(overrides: Partial<AutoUpdateOptions> = {}) {
    const updater = fakeUpdater();
    const statuses: UpdaterStatus[] = [];
    running = startAutoUpdate({
      updater,
      server: 'https://sync.example.com',
      rule: IDLE_10,
      installCheckEveryMs: INSTALL_CHECK_MS,
      now: () => clock,
      localHour: () => hour,
      onStatus: (status) => statuses.push(status),
      ...overrides,
    });
    return { updater, statuses, auto: running };
  }

  /** Lets time pass on the injected clock and the fake timers together. */
  async function pass(ms: number): Promise<void> {
    clock += ms;
    await vi.advanceTimersByTimeAsync(ms);
  }

  it('feeds from the server’s /updates/ with the generic provider, downloading by itself', () => {
    const { updater } = start();
    expect(updater.setFeedURL).toHaveBeenCalledWith({
      provider: 'generic',
      url: 'https://sync.example.com/updates/',
    });
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(true);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['http://localhost:8080', 'http://localhost:8080/updates/'],
    ['http://localhost:8080/', 'http://localhost:8080/updates/'],
    ['https://sync.example.com', 'https://sync.example.com/updates/'],
    ['https://example.com/treu', 'https://example.com/treu/updates/'],
    ['https://example.com/treu/', 'https://example.com/treu/updates/'],
  ])('finds the feed of %s at %s', (server, feed) => {
    expect(feedUrlOf(server)).toBe(feed);
  });

  it('is off without a server: no feed and no check, now or later', async () => {
    const { updater, auto } = start({ server: undefined, checkEveryMs: 5 * MINUTE });
    expect(auto.status().state).toBe('off');
    expect(auto.status().message).toMatch(/enrol/u);
    await pass(60 * MINUTE);
    expect(await auto.checkNow()).toMatchObject({ state: 'off' });
    expect(updater.setFeedURL).not.toHaveBeenCalled();
    expect(updater.checkForUpdates).not.toHaveBeenCalled();
  });

  it('checks again every checkEveryMs', async () => {
    const { updater } = start({ checkEveryMs: 5 * MINUTE });
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
    await pass(5 * MINUTE);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(2);
    await pass(5 * MINUTE);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(3);
  });

  it('follows the updater: checking, downloading with its percent, then ready', () => {
    const { updater, statuses, auto } = start();
    // A member at the counter, so that the ready update waits.
    auto.reportCounter({ memberOnScreen: true, actionInProgress: false });
    updater.emit('checking-for-update');
    updater.emit('update-available', { version: '0.2.0' });
    updater.emit('download-progress', { percent: 42.5 });
    updater.emit('download-progress', { percent: 101 });
    updater.emit('update-downloaded', { version: '0.2.0' });
    expect(statuses).toEqual([
      { state: 'checking' },
      { state: 'downloading', version: '0.2.0', percent: 0 },
      { state: 'downloading', version: '0.2.0', percent: 42.5 },
      { state: 'downloading', version: '0.2.0', percent: 100 },
      {
        state: 'ready',
        version: '0.2.0',
        message: 'Installs once the counter has been idle for 10 minutes.',
      },
    ]);
    expect(auto.status().state).toBe('ready');
  });

  it('says up_to_date when there is no update', () => {
    const { updater, auto } = start();
    updater.emit('checking-for-update');
    updater.emit('update-not-available');
    expect(auto.status()).toEqual({ state: 'up_to_date' });
  });

  it('waits while a member is on screen, and installs once after the counter has been idle long enough', async () => {
    const { updater, auto } = start();
    auto.reportCounter({ memberOnScreen: true, actionInProgress: false });
    updater.emit('update-downloaded', { version: '0.2.0' });
    await pass(30 * MINUTE);
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
    expect(auto.status().state).toBe('ready');

    auto.reportCounter({ memberOnScreen: false, actionInProgress: false });
    await pass(10 * MINUTE - INSTALL_CHECK_MS);
    expect(updater.quitAndInstall).not.toHaveBeenCalled();

    await pass(INSTALL_CHECK_MS);
    expect(updater.quitAndInstall).toHaveBeenCalledTimes(1);
    expect(updater.quitAndInstall).toHaveBeenCalledWith(true, true);
    expect(auto.status()).toMatchObject({ state: 'installing', version: '0.2.0' });

    await pass(30 * MINUTE);
    auto.reportCounter({ memberOnScreen: false, actionInProgress: false });
    expect(updater.quitAndInstall).toHaveBeenCalledTimes(1);
  });

  it('never installs in the middle of a counter action', async () => {
    const { updater, auto } = start();
    updater.emit('update-downloaded', { version: '0.2.0' });
    // Idle since the start, so without the action it would install at once.
    auto.reportCounter({ memberOnScreen: false, actionInProgress: true });
    await pass(120 * MINUTE);
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
  });

  it('installs as soon as it is downloaded when the counter has long been idle', async () => {
    const { updater } = start();
    await pass(10 * MINUTE);
    updater.emit('update-downloaded', { version: '0.2.0' });
    expect(updater.quitAndInstall).toHaveBeenCalledTimes(1);
  });

  it('with the hour rule, installs only once that hour comes', async () => {
    const { updater, auto } = start({ rule: AT_3 });
    updater.emit('update-downloaded', { version: '0.2.0' });
    expect(auto.status().message).toBe(
      'Installs between 03:00 and 03:59, with no member on screen.',
    );
    await pass(60 * MINUTE);
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
    hour = 3;
    await pass(INSTALL_CHECK_MS);
    expect(updater.quitAndInstall).toHaveBeenCalledTimes(1);
  });

  it('says the check failed, in a sentence, when checkForUpdates rejects', async () => {
    const updater = fakeUpdater();
    updater.checkForUpdates.mockRejectedValue(new Error('connect ECONNREFUSED 10.0.0.2:443'));
    const { auto, statuses } = start({ updater });
    await vi.waitFor(() => {
      expect(auto.status().state).toBe('error');
    });
    expect(auto.status().message).toBe('No update check: connect ECONNREFUSED 10.0.0.2:443');
    expect(statuses.at(-1)).toEqual(auto.status());
  });

  it('says the update failed when the updater reports an error', () => {
    const { updater, auto } = start();
    updater.emit('update-available', { version: '0.2.0' });
    updater.emit('error', new Error('sha512 checksum mismatch'));
    expect(auto.status()).toEqual({
      state: 'error',
      message: 'The update failed: sha512 checksum mismatch',
    });
  });

  it('tries a failed install again only after INSTALL_RETRY_MS, saying so', async () => {
    const { updater, auto } = start();
    await pass(10 * MINUTE);
    updater.emit('update-downloaded', { version: '0.2.0' });
    expect(updater.quitAndInstall).toHaveBeenCalledTimes(1);
    updater.emit('error', new Error('EACCES: permission denied'));
    expect(auto.status()).toMatchObject({ state: 'ready', version: '0.2.0' });
    expect(auto.status().message).toBe(
      'The install failed: EACCES: permission denied. It is tried again in 30 minutes.',
    );
    await pass(INSTALL_RETRY_MS - INSTALL_CHECK_MS);
    expect(updater.quitAndInstall).toHaveBeenCalledTimes(1);
    await pass(INSTALL_CHECK_MS);
    expect(updater.quitAndInstall).toHaveBeenCalledTimes(2);
  });

  it('keeps a ready update ready when a later error comes', () => {
    const { updater, auto } = start();
    auto.reportCounter({ memberOnScreen: true, actionInProgress: false });
    updater.emit('update-downloaded', { version: '0.2.0' });
    updater.emit('error', new Error('feed unreachable'));
    expect(auto.status().state).toBe('ready');
  });

  it('switches the feed to a new server and checks it', async () => {
    const { updater, auto } = start();
    await auto.useServer('http://192.168.1.20:8080');
    expect(updater.setFeedURL).toHaveBeenLastCalledWith({
      provider: 'generic',
      url: 'http://192.168.1.20:8080/updates/',
    });
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(2);
  });

  it('does nothing when told to use the server it has', async () => {
    const { updater, auto } = start();
    await auto.useServer('https://sync.example.com');
    expect(updater.setFeedURL).toHaveBeenCalledTimes(1);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
  });

  it('turns on when given its first server', async () => {
    const { updater, auto, statuses } = start({ server: undefined });
    await auto.useServer('https://sync.example.com');
    expect(updater.setFeedURL).toHaveBeenCalledWith({
      provider: 'generic',
      url: 'https://sync.example.com/updates/',
    });
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
    expect(statuses[0]).toEqual({ state: 'checking' });
  });

  it('stops checking once stopped', async () => {
    const { updater, auto } = start({ checkEveryMs: 5 * MINUTE });
    auto.stop();
    await pass(60 * MINUTE);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
  });
});
