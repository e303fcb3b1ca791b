/**
 * Telling a keyboard-wedge scanner from a person typing. A USB scanner or RFID reader
 * that acts as a keyboard types a code as a burst: characters a few milliseconds apart,
 * then Enter. A person types tens to hundreds of milliseconds apart. The detector sees
 * every key press with its time and says, for each, whether the page should act on it
 * as usual or swallow it because it belongs to a scan; on the Enter that ends a burst
 * it hands over the scanned text.
 *
 * The first character of a burst cannot be told from a typed one until the second comes;
 * it reaches the page, and the caller takes it back out of a text field (see
 * use-wedge-scanner.ts).
 */

export interface WedgeOptions {
  /** Longest gap between two characters of a scan. */
  readonly maxGapMs: number;
  /** Shortest scan; a shorter fast burst (key rollover) is typing. */
  readonly minLength: number;
}

export const WEDGE_DEFAULTS: WedgeOptions = { maxGapMs: 40, minLength: 4 };

export type WedgeDecision =
  /** An ordinary key: let the page have it. */
  | { readonly kind: 'pass' }
  /** Part of a scan: swallow it. `first` says the burst's first key got through. */
  | { readonly kind: 'swallow'; readonly burstStarted: boolean }
  /** The Enter ending a scan: swallow it and act on the text. */
  | { readonly kind: 'scan'; readonly text: string };

export interface WedgeDetector {
  /** `key` as KeyboardEvent.key: one character, or a name such as `Enter` or `Shift`. */
  press(key: string, timeMs: number): WedgeDecision;
}

export function createWedgeDetector(options: WedgeOptions = WEDGE_DEFAULTS): WedgeDetector {
  let buffer = '';
  let lastMs = Number.NEGATIVE_INFINITY;
  return {
    press(key, timeMs) {
      const fast = timeMs - lastMs <= options.maxGapMs;
      if (key === 'Enter') {
        const text = buffer;
        const wasBurst = fast && text.length >= options.minLength;
        buffer = '';
        lastMs = Number.NEGATIVE_INFINITY;
        return wasBurst ? { kind: 'scan', text } : { kind: 'pass' };
      }
      // Shift and other modifiers come between the characters of a scan: ignore them.
      if (key.length !== 1)
        return fast ? { kind: 'swallow', burstStarted: false } : { kind: 'pass' };
      const continuing = fast && buffer.length > 0;
      buffer = continuing ? buffer + key : key;
      lastMs = timeMs;
      if (!continuing) return { kind: 'pass' };
      return { kind: 'swallow', burstStarted: buffer.length === 2 };
    },
  };
}
