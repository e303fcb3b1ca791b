/**
 * Turns the keyboard boot reports of a card reader that acts as a keyboard (HID 1.11,
 * appendix B.1) into the text of each read, for Electron main, fed by node-hid.
 *
 * A report lists the keys that are down now, not the keys just pressed, so a press is a
 * key that is in this report and was not in the previous one. Readers differ in one way
 * that matters: some send an all-keys-up report after every key, others only ever send
 * the next key's report, so for them "11" is the same report twice and must type twice.
 * 'auto' assumes the second kind until it sees an all-zero report, which only the first
 * kind sends.
 *
 * The decoder keeps no timers: a read left without its Enter is reported when the next
 * key comes too late (`timed_out`), which is when it matters.
 */
import { characterForUsage, isEnterUsage, isErrorUsage, isModifierUsage } from './hid-usage-table';

export interface HidDecoderOptions {
  /** Whether the reader sends an all-keys-up report after each key: 'auto' learns it from the first all-zero report. Default 'auto'. */
  readonly keyUps?: 'auto' | 'sent' | 'not_sent';
  /** A read whose keys come further apart than this is dropped as a fragment (ms). Default 1000. */
  readonly maxGapMs?: number;
  /** Longer than this without Enter: dropped as noise. Default 256. */
  readonly maxLength?: number;
}

export type DecodedRead =
  | { readonly kind: 'card'; readonly text: string }
  | {
      readonly kind: 'dropped';
      readonly reason: 'too_long' | 'timed_out' | 'unknown_keys';
      readonly text: string;
    };

export interface HidKeyboardDecoder {
  /** One input report (8 bytes: modifier byte, reserved byte, six key usage ids; a 9-byte report with a leading report id 0 is accepted too). Returns what completed with this report, if anything. */
  push(report: Uint8Array, atMs: number): DecodedRead[];
  /** Forgets the read in progress, the keys down and what was learned about key-ups (another reader may be plugged in next). */
  reset(): void;
}

const BOOT_REPORT_LENGTH = 8;
const FIRST_KEY_SLOT = 2;
const LEFT_SHIFT = 0x02;
const RIGHT_SHIFT = 0x20;

interface BootReport {
  readonly modifiers: number;
  /** Usage ids in slot order, without empty slots, modifiers or repeats. */
  readonly keys: readonly number[];
}

/**
 * The modifier byte and keys of a boot report. Anything else is not a report this
 * decoder understands and is undefined, so it is ignored rather than guessed at: a short
 * or long report, or one with a report id other than 0 (node-hid on Windows prefixes
 * the report id; a reader with numbered reports is not in boot format).
 */
function parseBootReport(report: Uint8Array): BootReport | undefined {
  const bytes =
    report.length === BOOT_REPORT_LENGTH + 1 && report[0] === 0 ? report.subarray(1) : report;
  if (bytes.length !== BOOT_REPORT_LENGTH) return undefined;
  const keys: number[] = [];
  for (const usage of bytes.subarray(FIRST_KEY_SLOT)) {
    // 0 is an empty slot; a modifier in a key slot repeats the modifier byte.
    if (usage !== 0 && !isModifierUsage(usage) && !keys.includes(usage)) keys.push(usage);
  }
  return { modifiers: bytes[0] ?? 0, keys };
}

function sameKeys(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((usage, i) => usage === b[i]);
}

export function createHidKeyboardDecoder(options: HidDecoderOptions = {}): HidKeyboardDecoder {
  const keyUps = options.keyUps ?? 'auto';
  const maxGapMs = options.maxGapMs ?? 1000;
  const maxLength = options.maxLength ?? 256;

  let keysDown: readonly number[] = [];
  let allKeysUpSeen = false;
  let lastPressAtMs: number | undefined;
  // The read in progress.
  let text = '';
  let hasUnknownKeys = false;
  /** After too_long: the rest up to the next Enter is the same noise, already reported. */
  let discardingUntilEnter = false;

  function startRead(): void {
    text = '';
    hasUnknownKeys = false;
    discardingUntilEnter = false;
  }

  /** What ends with this Enter; an Enter alone ends nothing. */
  function endRead(completed: DecodedRead[]): void {
    // A read discarded as too_long has been reported already.
    if (!discardingUntilEnter && hasUnknownKeys) {
      completed.push({ kind: 'dropped', reason: 'unknown_keys', text });
    } else if (!discardingUntilEnter && text !== '') {
      completed.push({ kind: 'card', text });
    }
    startRead();
  }

  function press(usage: number, shifted: boolean, atMs: number, completed: DecodedRead[]): void {
    if (lastPressAtMs !== undefined && atMs - lastPressAtMs > maxGapMs) {
      if (!discardingUntilEnter && (text !== '' || hasUnknownKeys)) {
        completed.push({ kind: 'dropped', reason: 'timed_out', text });
      }
      startRead();
    }
    lastPressAtMs = atMs;

    if (isEnterUsage(usage)) {
      endRead(completed);
      return;
    }
    if (discardingUntilEnter) return;
    const character = characterForUsage(usage, shifted);
    if (character === undefined) {
      hasUnknownKeys = true;
      return;
    }
    text += character;
    if (text.length > maxLength) {
      completed.push({ kind: 'dropped', reason: 'too_long', text });
      startRead();
      discardingUntilEnter = true;
    }
  }

  return {
    push(report, atMs) {
      // node-hid hands over a Buffer, which is a Uint8Array; anything else is not a report.
      const parsed = report instanceof Uint8Array ? parseBootReport(report) : undefined;
      // ErrorRollOver and its kin say nothing of which keys are down: the keys-down state
      // stays as it was, so the keys still down in the next report are not pressed again.
      if (parsed === undefined || parsed.keys.some(isErrorUsage)) return [];

      if (parsed.modifiers === 0 && parsed.keys.length === 0) allKeysUpSeen = true;
      const repeatsArePresses = keyUps === 'not_sent' || (keyUps === 'auto' && !allKeysUpSeen);
      // Without key-ups, the same keys again are the same characters typed again. The
      // modifier byte is left out of the comparison so that "Aa" types both.
      const pressed =
        repeatsArePresses && parsed.keys.length > 0 && sameKeys(parsed.keys, keysDown)
          ? parsed.keys
          : parsed.keys.filter((usage) => !keysDown.includes(usage));
      keysDown = parsed.keys;

      const shifted = (parsed.modifiers & (LEFT_SHIFT | RIGHT_SHIFT)) !== 0;
      const completed: DecodedRead[] = [];
      for (const usage of pressed) press(usage, shifted, atMs, completed);
      return completed;
    },

    reset() {
      keysDown = [];
      allKeysUpSeen = false;
      lastPressAtMs = undefined;
      startRead();
    },
  };
}
