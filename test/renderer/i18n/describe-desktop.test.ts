/**
 * The desktop terminal's states in words: every state of the reader and the updater, and
 * every bridge problem, in English and German; the status bar keeps quiet about the calm
 * updater states.
 */
import { describe, expect, it } from 'vitest';
import type { ReaderStatus, UpdaterStatus } from '../../../shared/bridge/contract';
import type { BridgeProblem } from '../../../renderer/app/desktop-bridge';
import {
  describeBridgeProblem,
  describeReaderStatus,
  describeUpdaterStatus,
  formatUsbId,
  updaterStatusForCashier,
} from '../../../renderer/i18n/describe-desktop';
import { de } from '../../../renderer/i18n/de';
import { en } from '../../../renderer/i18n/en';

const CONNECTED: ReaderStatus = { state: 'connected', device: 'ACME RFID 125' };
const READER: ReaderStatus[] = [
  { state: 'off' },
  { state: 'searching' },
  CONNECTED,
  { state: 'error', message: 'Access denied.' },
];
const UP_TO_DATE: UpdaterStatus = { state: 'up_to_date' };
const DOWNLOADING: UpdaterStatus = { state: 'downloading', version: '1.4.0', percent: 39.6 };
const READY: UpdaterStatus = { state: 'ready', version: '1.4.0' };
const UPDATER: UpdaterStatus[] = [
  { state: 'off' },
  { state: 'checking' },
  UP_TO_DATE,
  DOWNLOADING,
  READY,
  { state: 'installing' },
  { state: 'error', message: 'The feed cannot be reached.' },
];
const PROBLEMS: BridgeProblem[] = [
  'invalid_input',
  'not_allowed',
  'unavailable',
  'failed',
  'no_answer',
];

describe('the desktop terminal in words', () => {
  it('words every reader and updater state and every problem, in both languages', () => {
    for (const t of [en, de]) {
      const said = [
        ...READER.map((status) => describeReaderStatus(t, status)),
        ...UPDATER.map((status) => describeUpdaterStatus(t, status)),
        ...PROBLEMS.map((problem) => describeBridgeProblem(t, problem, undefined)),
      ];
      for (const text of said) expect(text).not.toMatch(/undefined|_|^\s*$/u);
      expect(new Set(said).size).toBe(said.length);
    }
    expect(describeReaderStatus(en, CONNECTED)).toBe('Card reader: ACME RFID 125');
    expect(describeUpdaterStatus(en, DOWNLOADING)).toBe('Update 1.4.0: downloading, 40 %');
    expect(describeUpdaterStatus(de, UP_TO_DATE)).toBe('Treu ist auf dem neuesten Stand.');
    expect(describeBridgeProblem(en, 'unavailable', 'The reader is gone.')).toBe(
      'That did not work: this terminal cannot do that. Update Treu, or check that the device is connected. (The reader is gone.)',
    );
  });

  it('shows the cashier only a download, an update waiting, an install or a failure', () => {
    const shown = UPDATER.filter((status) => updaterStatusForCashier(en, status) !== undefined);
    expect(shown.map((status) => status.state)).toEqual([
      'downloading',
      'ready',
      'installing',
      'error',
    ]);
    expect(updaterStatusForCashier(en, READY)).toBe(describeUpdaterStatus(en, READY));
  });

  it('writes USB ids as four hex digits', () => {
    expect(formatUsbId(0x08ff)).toBe('08ff');
    expect(formatUsbId(9)).toBe('0009');
    expect(formatUsbId(0xffff)).toBe('ffff');
  });
});
