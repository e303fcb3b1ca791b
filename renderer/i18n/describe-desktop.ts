/**
 * The desktop terminal's states in words, one wording for the status bar and Settings:
 * the card reader, the updater, and why a bridge call failed.
 */
import type { ReaderStatus, UpdaterStatus } from '../../shared/bridge/contract';
import type { BridgeProblem } from '../app/desktop-bridge';
import type { Messages } from './en';

export function describeReaderStatus(t: Messages, status: ReaderStatus): string {
  switch (status.state) {
    case 'off':
      return t.status.reader.off;
    case 'searching':
      return t.status.reader.searching;
    case 'connected':
      return t.status.reader.connected(status.device ?? '');
    case 'error':
      return t.status.reader.error(status.message ?? status.device ?? '');
  }
}

export function describeUpdaterStatus(t: Messages, status: UpdaterStatus): string {
  switch (status.state) {
    case 'off':
      return t.desktop.update.off;
    case 'checking':
      return t.desktop.update.checking;
    case 'up_to_date':
      return t.desktop.update.upToDate;
    case 'downloading':
      return t.status.update.downloading(status.version ?? '', status.percent ?? 0);
    case 'ready':
      return t.status.update.ready(status.version ?? '');
    case 'installing':
      return t.status.update.installing;
    case 'error':
      return t.status.update.error(status.message ?? '');
  }
}

/** Only what the cashier should see in the status bar: a download, an update waiting, a failure. */
export function updaterStatusForCashier(t: Messages, status: UpdaterStatus): string | undefined {
  const quiet =
    status.state === 'off' || status.state === 'checking' || status.state === 'up_to_date';
  return quiet ? undefined : describeUpdaterStatus(t, status);
}

/** Why a bridge call did not work, with the shell's own sentence after it when it gave one. */
export const describeBridgeProblem = (
  t: Messages,
  problem: BridgeProblem,
  detail: string | undefined,
): string => t.desktop.failed(t.desktop.problem[problem], detail);

/** A USB vendor or product id as people and `lsusb` write it: four hex digits. */
export const formatUsbId = (id: number): string => id.toString(16).padStart(4, '0');
