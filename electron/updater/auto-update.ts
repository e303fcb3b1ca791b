/**
 * Auto-update through electron-updater's generic provider, fed by the sync server's
 * `/updates/` folder: a check at start and every few hours, the download in the
 * background, and the install (a restart) only when the install rule allows it: never in
 * the middle of the counter's work. Its status goes to the renderer through the bridge.
 */
import type { CounterState, UpdaterStatus } from '../../shared/bridge/contract';
import { decideInstall, trackCounter, type InstallRule } from './install-policy';

/** The part of electron-updater's AppUpdater this uses: what the tests fake. */
export interface Updater {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: 'checking-for-update' | 'update-not-available', listener: () => void): unknown;
  on(
    event: 'update-available' | 'update-downloaded',
    listener: (info: { version: string }) => void,
  ): unknown;
  on(event: 'download-progress', listener: (progress: { percent: number }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export interface AutoUpdateOptions {
  readonly updater: Updater;
  /** The sync server's address; its `/updates/` is the feed. None: updates are off. */
  readonly server: string | undefined;
  /** False in a developer's unpacked run: electron-updater skips it, so it is off. */
  readonly active?: boolean;
  readonly rule: InstallRule;
  readonly checkEveryMs?: number;
  /** How often a ready update asks the rule whether now is the time. */
  readonly installCheckEveryMs?: number;
  readonly now?: () => number;
  readonly localHour?: () => number;
  readonly onStatus: (status: UpdaterStatus) => void;
}

export interface AutoUpdate {
  status(): UpdaterStatus;
  checkNow(): Promise<UpdaterStatus>;
  useServer(address: string): Promise<UpdaterStatus>;
  reportCounter(state: CounterState): void;
  stop(): void;
}

/** The update feed on a sync server, under its path when it has one (behind a proxy, say). */
export const feedUrlOf = (server: string): string =>
  new URL('updates/', server.endsWith('/') ? server : `${server}/`).toString();

/** How long a failed install waits before it is tried again: not a restart every 30 s. */
export const INSTALL_RETRY_MS = 30 * 60_000;

function describeRule(rule: InstallRule): string {
  return rule.when === 'hour'
    ? `Installs between ${String(rule.hour).padStart(2, '0')}:00 and ${String(rule.hour).padStart(2, '0')}:59, with no member on screen.`
    : `Installs once the counter has been idle for ${rule.idleMinutes} minutes.`;
}

export function startAutoUpdate(options: AutoUpdateOptions): AutoUpdate {
  const { updater, rule } = options;
  const now = options.now ?? Date.now;
  const localHour = options.localHour ?? (() => new Date(now()).getHours());
  const counter = trackCounter(now());
  const active = options.active ?? true;
  let server = active ? options.server : undefined;
  let status: UpdaterStatus = !active
    ? { state: 'off', message: 'Updates come only to an installed terminal.' }
    : server
      ? { state: 'checking' }
      : { state: 'off', message: 'No update server yet: enrol the terminal with a server.' };
  let installing = false;
  let nextInstallTryMs = 0;

  const tell = (next: UpdaterStatus) => {
    status = next;
    options.onStatus(next);
  };

  const installIfAllowed = () => {
    if (status.state !== 'ready' || installing || now() < nextInstallTryMs) return;
    if (!decideInstall(rule, counter.current(), now(), localHour()).install) return;
    installing = true;
    tell({ ...status, state: 'installing', message: 'Restarting to install the update.' });
    updater.quitAndInstall(true, true);
  };

  updater.autoDownload = true;
  // A manager quitting the terminal is a calm moment too: install then.
  updater.autoInstallOnAppQuit = true;
  updater.on('checking-for-update', () => {
    if (status.state !== 'ready') tell({ state: 'checking' });
  });
  updater.on('update-not-available', () => {
    tell({ state: 'up_to_date' });
  });
  updater.on('update-available', (info) => {
    tell({ state: 'downloading', version: info.version, percent: 0 });
  });
  updater.on('download-progress', (progress) => {
    tell({
      ...status,
      state: 'downloading',
      percent: Math.min(100, Math.max(0, progress.percent)),
    });
  });
  updater.on('update-downloaded', (info) => {
    tell({ state: 'ready', version: info.version, message: describeRule(rule) });
    installIfAllowed();
  });
  updater.on('error', (error) => {
    if (installing) {
      // The install itself failed: the update stays ready and is tried again later.
      installing = false;
      nextInstallTryMs = now() + INSTALL_RETRY_MS;
      tell({
        ...status,
        state: 'ready',
        message: `The install failed: ${error.message}. It is tried again in ${INSTALL_RETRY_MS / 60_000} minutes.`,
      });
      return;
    }
    if (status.state === 'ready') return;
    tell({ state: 'error', message: `The update failed: ${error.message}` });
  });

  const check = async (): Promise<UpdaterStatus> => {
    if (!server || status.state === 'ready' || installing) return status;
    try {
      await updater.checkForUpdates();
    } catch (error) {
      // The feed is unreachable or broken: said in the status, tried again later.
      tell({
        state: 'error',
        message: `No update check: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
    return status;
  };

  if (server) updater.setFeedURL({ provider: 'generic', url: feedUrlOf(server) });
  void check();
  const checking = setInterval(() => void check(), options.checkEveryMs ?? 4 * 60 * 60_000);
  const installChecking = setInterval(installIfAllowed, options.installCheckEveryMs ?? 30_000);

  return {
    status: () => status,
    checkNow: check,
    async useServer(address) {
      if (!active || address === server) return status;
      server = address;
      updater.setFeedURL({ provider: 'generic', url: feedUrlOf(address) });
      if (status.state === 'off') tell({ state: 'checking' });
      return check();
    },
    reportCounter(state) {
      counter.report(state, now());
      installIfAllowed();
    },
    stop() {
      clearInterval(checking);
      clearInterval(installChecking);
    },
  };
}
