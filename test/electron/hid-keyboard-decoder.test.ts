import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createHidKeyboardDecoder,
  type DecodedRead,
  type HidDecoderOptions,
  type HidKeyboardDecoder,
} from '../../electron/reader/hid-keyboard-decoder';
import { characterForUsage } from '../../electron/reader/hid-usage-table';

/** A report as recorded from a reader, in hex; spaces are allowed for reading. */
const report = (hex: string): Uint8Array =>
  Uint8Array.from(hex.replace(/\s/g, '').match(/../g) ?? [], (pair) => parseInt(pair, 16));

/** Feeds the reports `stepMs` apart from `startMs`, as a reader sends them, and collects what completed. */
function feed(
  decoder: HidKeyboardDecoder,
  reports: readonly string[],
  startMs = 0,
  stepMs = 4,
): DecodedRead[] {
  return reports.flatMap((hex, i) => decoder.push(report(hex), startMs + i * stepMs));
}

const decode = (reports: readonly string[], options?: HidDecoderOptions): DecodedRead[] =>
  feed(createHidKeyboardDecoder(options), reports);

const UP = '0000000000000000';
const ENTER = '0000280000000000';

/** "ab" then Enter from a reader that sends key-ups. */
const AB_WITH_KEY_UPS = ['0000040000000000', UP, '0000050000000000', UP, ENTER, UP];

describe('the US-layout usage table', () => {
  const range = (first: number, last: number): number[] =>
    Array.from({ length: last - first + 1 }, (_, i) => first + i);
  /** What the keys type; '·' for a key that types nothing. */
  const typed = (usages: readonly number[], shifted: boolean): string =>
    usages.map((usage) => characterForUsage(usage, shifted) ?? '·').join('');
  const usages = [
    ...range(0x04, 0x27), // letters and digits
    ...range(0x28, 0x2b), // Enter, Escape, Backspace, Tab
    ...range(0x2c, 0x38), // space and punctuation, 0x32 not on a US keyboard
    ...range(0x54, 0x63), // keypad, 0x58 Keypad Enter
  ];

  it('maps letters, digits, punctuation and the keypad as a US keyboard types them unshifted', () => {
    expect(typed(usages, false)).toBe(
      "abcdefghijklmnopqrstuvwxyz1234567890···· -=[]\\·;'`,./" + '/*-+·1234567890.',
    );
  });

  it('maps them as a US keyboard types them with shift, the keypad unchanged', () => {
    expect(typed(usages, true)).toBe(
      'ABCDEFGHIJKLMNOPQRSTUVWXYZ!@#$%^&*()···· _+{}|·:"~<>?' + '/*-+·1234567890.',
    );
  });
});

describe('a reader that sends key-up reports', () => {
  it('reads "TREU1:ABC123", with left shift for the capitals and the colon', () => {
    const reads = decode([
      '0200000000000000', // shift down on its own first, as some readers do
      '0200170000000000', // T
      UP,
      '0200150000000000', // R
      UP,
      '0200080000000000', // E
      UP,
      '0200180000000000', // U
      UP,
      '00001e0000000000', // 1
      UP,
      '0200330000000000', // :
      UP,
      '0200040000000000', // A
      UP,
      '0200050000000000', // B
      UP,
      '0200060000000000', // C
      UP,
      '00001e0000000000', // 1
      UP,
      '00001f0000000000', // 2
      UP,
      '0000200000000000', // 3
      UP,
      ENTER,
      UP,
    ]);
    expect(reads).toEqual([{ kind: 'card', text: 'TREU1:ABC123' }]);
  });

  it('takes right shift (0x20) as shift too', () => {
    expect(decode(['2000040000000000', UP, '2000380000000000', UP, ENTER, UP])).toEqual([
      { kind: 'card', text: 'A?' },
    ]);
  });

  it('types overlapping keys once each, in the order they went down (rollover)', () => {
    const reads = decode([
      '0000040000000000', // a
      '0000040500000000', // a held, b down
      '0000050000000000', // a up
      UP,
      ENTER,
      UP,
    ]);
    expect(reads).toEqual([{ kind: 'card', text: 'ab' }]);
  });

  it('types keys that go down in the same report in slot order', () => {
    expect(decode(['0000060400000000', UP, ENTER, UP])).toEqual([{ kind: 'card', text: 'ca' }]);
  });

  it('ignores an ErrorRollOver report, keeping the keys that were down before it', () => {
    const reads = decode([
      UP,
      '0000040000000000', // a
      '0000010101010101', // too many keys: says nothing about which
      '0000040500000000', // a still held, b down: only b is new
      UP,
      ENTER,
      UP,
    ]);
    expect(reads).toEqual([{ kind: 'card', text: 'ab' }]);
  });

  it('reads keypad digits and ends the read on Keypad Enter', () => {
    const reads = decode([
      '0000590000000000', // keypad 1
      UP,
      '00005a0000000000', // keypad 2
      UP,
      '0000630000000000', // keypad .
      UP,
      '0000620000000000', // keypad 0
      UP,
      '0000560000000000', // keypad -
      UP,
      '0000580000000000', // Keypad Enter
      UP,
    ]);
    expect(reads).toEqual([{ kind: 'card', text: '12.0-' }]);
  });

  it('accepts 9-byte reports with a leading report id 0', () => {
    const reads = decode([
      '00 0200170000000000',
      '00 0000000000000000',
      '00 0000270000000000',
      '00 0000000000000000',
      '00 0000280000000000',
      '00 0000000000000000',
    ]);
    expect(reads).toEqual([{ kind: 'card', text: 'T0' }]);
  });

  it('yields nothing for an Enter alone', () => {
    expect(decode([ENTER, UP, ENTER, UP])).toEqual([]);
  });
});

describe('a reader that does not send key-up reports', () => {
  const READS_0011 = [
    '0000270000000000', // 0
    '0000270000000000', // 0 again: the same report
    '00001e0000000000', // 1
    '00001e0000000000', // 1 again
    ENTER,
  ];

  it('types a repeated character for each identical report ("0011"), learning nothing in auto mode', () => {
    expect(decode(READS_0011)).toEqual([{ kind: 'card', text: '0011' }]);
  });

  it('types a repeated character for each identical report when told key-ups are not sent', () => {
    expect(decode(READS_0011, { keyUps: 'not_sent' })).toEqual([{ kind: 'card', text: '0011' }]);
  });

  it('types "Aa" when only the shift changes between two reports of the same key', () => {
    expect(decode(['0200040000000000', '0000040000000000', ENTER])).toEqual([
      { kind: 'card', text: 'Aa' },
    ]);
  });

  it('reads one card after another, Enter between them', () => {
    expect(decode([...READS_0011, ...READS_0011])).toEqual([
      { kind: 'card', text: '0011' },
      { kind: 'card', text: '0011' },
    ]);
  });
});

describe('key-up learning', () => {
  it("in 'auto' mode, takes identical reports as held keys once an all-zero report was seen", () => {
    const decoder = createHidKeyboardDecoder();
    // Before any all-zero report, the same report twice is two presses.
    expect(feed(decoder, ['0000040000000000', '0000040000000000', ENTER])).toEqual([
      { kind: 'card', text: 'aa' },
    ]);
    // After one, the same report again is the key still held (a reader repeating its
    // report at the idle rate), not a second press.
    const reads = feed(decoder, [UP, '0000050000000000', '0000050000000000', UP, ENTER, UP], 100);
    expect(reads).toEqual([{ kind: 'card', text: 'b' }]);
  });

  it("with keyUps 'sent', takes identical reports as held keys from the first report", () => {
    expect(decode(['0000040000000000', '0000040000000000', ENTER], { keyUps: 'sent' })).toEqual([
      { kind: 'card', text: 'a' },
    ]);
  });

  it("with keyUps 'not_sent', still types identical reports after an all-zero report", () => {
    expect(
      decode([UP, '0000040000000000', '0000040000000000', ENTER], { keyUps: 'not_sent' }),
    ).toEqual([{ kind: 'card', text: 'aa' }]);
  });

  it('forgets what it learned on reset', () => {
    const decoder = createHidKeyboardDecoder();
    feed(decoder, AB_WITH_KEY_UPS);
    decoder.reset();
    expect(feed(decoder, ['0000040000000000', '0000040000000000', ENTER], 100)).toEqual([
      { kind: 'card', text: 'aa' },
    ]);
  });
});

describe('reads that are dropped', () => {
  it('drops a read with keys outside the table (F1, an arrow) as unknown_keys, keeping what it could decode', () => {
    const decoder = createHidKeyboardDecoder();
    const reads = feed(decoder, [
      '0000040000000000', // a
      UP,
      '00003a0000000000', // F1
      UP,
      '00004f0000000000', // right arrow
      UP,
      '0000050000000000', // b
      UP,
      ENTER,
      UP,
    ]);
    expect(reads).toEqual([{ kind: 'dropped', reason: 'unknown_keys', text: 'ab' }]);
    expect(feed(decoder, AB_WITH_KEY_UPS, 100)).toEqual([{ kind: 'card', text: 'ab' }]);
  });

  it('drops a partial read as timed_out when the next key comes after more than maxGapMs, and reads on from that key', () => {
    const decoder = createHidKeyboardDecoder({ maxGapMs: 1000 });
    // "xy" and no Enter: the reader lost the card halfway.
    expect(feed(decoder, ['00001b0000000000', UP, '00001c0000000000', UP], 0)).toEqual([]);
    expect(feed(decoder, AB_WITH_KEY_UPS, 1013)).toEqual([
      { kind: 'dropped', reason: 'timed_out', text: 'xy' },
      { kind: 'card', text: 'ab' },
    ]);
  });

  it('keeps a read whose keys come exactly maxGapMs apart', () => {
    expect(feed(createHidKeyboardDecoder({ maxGapMs: 50 }), AB_WITH_KEY_UPS, 0, 25)).toEqual([
      { kind: 'card', text: 'ab' },
    ]);
  });

  it('drops a read longer than maxLength as too_long, discards the rest up to Enter, then reads the next one', () => {
    const decoder = createHidKeyboardDecoder({ maxLength: 4 });
    const reads = feed(decoder, [
      '0000040000000000', // a
      UP,
      '0000050000000000', // b
      UP,
      '0000060000000000', // c
      UP,
      '0000070000000000', // d
      UP,
      '0000080000000000', // e: one too many
      UP,
      '0000090000000000', // f: discarded
      UP,
      ENTER,
      UP,
    ]);
    expect(reads).toEqual([{ kind: 'dropped', reason: 'too_long', text: 'abcde' }]);
    expect(feed(decoder, AB_WITH_KEY_UPS, 100)).toEqual([{ kind: 'card', text: 'ab' }]);
  });
});

describe('input that is not a boot report', () => {
  it('ignores an empty report, a 3-byte report and a 9-byte report with a report id other than 0', () => {
    const decoder = createHidKeyboardDecoder();
    for (const hex of ['', '000004', '01 0000040000000000']) {
      expect(decoder.push(report(hex), 0)).toEqual([]);
    }
    expect(feed(decoder, AB_WITH_KEY_UPS, 10)).toEqual([{ kind: 'card', text: 'ab' }]);
  });

  it('never throws on 64 random bytes', () => {
    const decoder = createHidKeyboardDecoder();
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 64, maxLength: 64 }), fc.integer(), (bytes, atMs) => {
        expect(decoder.push(bytes, atMs)).toEqual([]);
      }),
    );
  });

  it('never throws on random reports of any length at random times, and reads a clean card after them', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.oneof(
              fc.uint8Array({ minLength: 8, maxLength: 9 }),
              fc.uint8Array({ maxLength: 70 }),
            ),
            fc.integer({ min: 0, max: 5000 }),
          ),
          { maxLength: 60 },
        ),
        fc.constantFrom<HidDecoderOptions['keyUps']>('auto', 'sent', 'not_sent'),
        (garbage, keyUps) => {
          const decoder = createHidKeyboardDecoder({ keyUps, maxLength: 16 });
          for (const [bytes, atMs] of garbage) {
            for (const read of decoder.push(bytes, atMs)) {
              expect(read.text.length).toBeLessThanOrEqual(17);
            }
          }
          const reads = feed(decoder, [UP, ...AB_WITH_KEY_UPS], 10_000);
          expect(reads.at(-1)).toEqual({ kind: 'card', text: 'ab' });
        },
      ),
    );
  });
});
