/** The keyboard-wedge detector on recorded key timings: scanners, people, and both mixed. */
import { describe, expect, it } from 'vitest';
import { createWedgeDetector } from '../../renderer/scanning/wedge-detector';

/** Presses `keys` starting at `startMs`, `gapMs` apart; returns the decisions. */
function press(keys: readonly string[], gapMs: number, startMs = 1_000) {
  const detector = createWedgeDetector();
  return keys.map((key, i) => detector.press(key, startMs + i * gapMs));
}

const chars = (text: string) => Array.from(text);

describe('keyboard-wedge detector', () => {
  it('hands over a fast burst that ends in Enter as a scan, swallowing all but its first key', () => {
    const decisions = press([...chars('TREU1:crd_abc'), 'Enter'], 8);
    expect(decisions.at(-1)).toEqual({ kind: 'scan', text: 'TREU1:crd_abc' });
    expect(decisions[0]).toEqual({ kind: 'pass' });
    expect(decisions[1]).toEqual({ kind: 'swallow', burstStarted: true });
    expect(decisions.slice(2, -1).every((d) => d.kind === 'swallow')).toBe(true);
  });

  it('leaves typing alone, Enter included', () => {
    const decisions = press([...chars('Anna Berg'), 'Enter'], 120);
    expect(decisions.every((d) => d.kind === 'pass')).toBe(true);
  });

  it('treats a short fast pair (key rollover) followed by a slow Enter as typing', () => {
    const detector = createWedgeDetector();
    expect(detector.press('a', 0)).toEqual({ kind: 'pass' });
    expect(detector.press('n', 15).kind).toBe('swallow');
    expect(detector.press('Enter', 400)).toEqual({ kind: 'pass' });
  });

  it('keeps Shift between the characters of a scan out of it', () => {
    const keys = ['Shift', 'T', 'Shift', 'R', 'e', 'u', '1', 'Enter'];
    const decisions = press(keys, 5);
    expect(decisions.at(-1)).toEqual({ kind: 'scan', text: 'TReu1' });
  });

  it('reads repeated characters of an NFC UID', () => {
    expect(press([...chars('04AA0011'), 'Enter'], 6).at(-1)).toEqual({
      kind: 'scan',
      text: '04AA0011',
    });
  });

  it('starts afresh after a pause: typed text before a scan is not part of it', () => {
    const detector = createWedgeDetector();
    for (const [i, key] of chars('ab').entries()) detector.press(key, i * 200);
    const scan = chars('123456').map((key, i) => detector.press(key, 2_000 + i * 5));
    expect(scan[0]).toEqual({ kind: 'pass' });
    expect(detector.press('Enter', 2_040)).toEqual({ kind: 'scan', text: '123456' });
  });

  it('does not take a scan whose Enter comes late', () => {
    const detector = createWedgeDetector();
    chars('123456').forEach((key, i) => detector.press(key, i * 5));
    expect(detector.press('Enter', 500)).toEqual({ kind: 'pass' });
  });
});
