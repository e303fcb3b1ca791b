import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CARD_ALPHABET,
  CARD_CODE_SCHEME,
  cardCodeFor,
  isValidQrCardId,
  newCardId,
  parseCardCode,
  readerCardId,
  type CardCodeError,
} from '../../shared/card-code';
import { idPattern } from '../../shared/ids';
import type { Result } from '../../shared/result';

/** A seeded stand-in for crypto.getRandomValues (mulberry32), so generated ids are reproducible. */
function seededRandomValues(seed: number) {
  let state = seed >>> 0;
  return <T extends ArrayBufferView | null>(array: T): T => {
    if (array === null) return array;
    const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
    for (let i = 0; i < bytes.length; i++) {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      bytes[i] = (t ^ (t >>> 14)) & 0xff;
    }
    return array;
  };
}

/** The check symbol, computed independently of the module: Σ (i+1)·vᵢ mod 31. */
function referenceCheckSymbol(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += (i + 1) * CARD_ALPHABET.indexOf(body.charAt(i));
  return CARD_ALPHABET.charAt(sum % 31);
}

function expectError(result: Result<string, CardCodeError>): CardCodeError {
  if (result.ok) throw new Error(`expected an error, got ok ${result.value}`);
  expect(result.error.message.length).toBeGreaterThan(10);
  return result.error;
}

const PREFIX = 'crd_';
/** Every printable ASCII character and a few non-ASCII ones a scanner might produce. */
const SUBSTITUTES = [
  ...Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)),
  'é',
  'ß',
  'İ',
  'ı',
  '\u00a0',
  '０',
];

/** What a body character reads as, after the forgiving normalisation of the parser. */
const readsAs = (char: string): string =>
  char.toLowerCase().replace(/o/g, '0').replace(/[il]/g, '1');

let ids: string[] = [];

beforeEach(() => {
  vi.spyOn(crypto, 'getRandomValues').mockImplementation(seededRandomValues(2024));
  ids = Array.from({ length: 200 }, () => newCardId());
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('newCardId', () => {
  it('is crd_ followed by 20 random symbols and 1 check symbol from the 31-symbol alphabet', () => {
    for (const id of ids) expect(id).toMatch(new RegExp(`^crd_[${CARD_ALPHABET}]{21}$`));
  });

  it('is a valid card id for the ledger (matches the crd_ id pattern)', () => {
    for (const id of ids) expect(id).toMatch(idPattern('card'));
  });

  it('ends with the check symbol Σ (i+1)·vᵢ mod 31 of its body', () => {
    for (const id of ids) {
      expect(id.slice(-1)).toBe(referenceCheckSymbol(id.slice(PREFIX.length, -1)));
    }
  });

  it('computes the check symbol of hand-worked examples', () => {
    // All zeros: sum 0 -> '0'. A 1 in the last (20th) place: sum 20 -> CARD_ALPHABET[20] = 'm'.
    expect(isValidQrCardId(`crd_${'0'.repeat(20)}0`)).toBe(true);
    expect(isValidQrCardId(`crd_${'0'.repeat(19)}1m`)).toBe(true);
    // A 1 in the first place: sum 1 -> '1'.
    expect(isValidQrCardId(`crd_1${'0'.repeat(19)}1`)).toBe(true);
    expect(CARD_ALPHABET.charAt(20)).toBe('m');
  });

  it('has at least 96 random bits: 20 symbols of a 31-symbol alphabet', () => {
    expect(CARD_ALPHABET).toHaveLength(31);
    expect(new Set(CARD_ALPHABET).size).toBe(31);
    for (const id of ids) expect(id.length - PREFIX.length - 1).toBe(20);
    expect(20 * Math.log2(31)).toBeGreaterThanOrEqual(96);
  });

  it('leaves out the confusable letters i, l, o, u and also z', () => {
    for (const left of 'ilouz') expect(CARD_ALPHABET).not.toContain(left);
  });

  it('uses every symbol of the alphabet at every one of the 20 random positions', () => {
    const many = Array.from({ length: 3000 }, () => newCardId());
    const seen = Array.from({ length: 20 }, () => new Set<string>());
    for (const id of many) {
      for (let p = 0; p < 20; p++) seen[p]?.add(id.charAt(PREFIX.length + p));
    }
    expect(seen.map((symbols) => symbols.size)).toEqual(Array<number>(20).fill(31));
  });

  it('200 generated ids are all different', () => {
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('round trip', () => {
  it('newCardId -> cardCodeFor -> parseCardCode gives back the same id', () => {
    for (const id of ids) {
      const code = cardCodeFor(id);
      expect(code).toBe(`${CARD_CODE_SCHEME}:${id}`);
      expect(parseCardCode(code)).toEqual({ ok: true, value: id });
    }
  });

  it('accepts a bare card id typed by hand', () => {
    for (const id of ids) expect(parseCardCode(id)).toEqual({ ok: true, value: id });
  });

  it('ignores white space around the scanned text', () => {
    const id = ids[0] ?? '';
    expect(parseCardCode(` \t${cardCodeFor(id)}\r\n`)).toEqual({ ok: true, value: id });
  });

  it('isValidQrCardId is true for generated ids', () => {
    for (const id of ids) expect(isValidQrCardId(id)).toBe(true);
  });
});

describe('misreads are caught', () => {
  it('EXHAUSTIVE: every single-character substitution in 200 ids is check_failed or malformed_card_code (not_a_treu_code for a ":" in the crd_ prefix)', () => {
    let tried = 0;
    const accepted: string[] = [];
    for (const id of ids) {
      for (let pos = 0; pos < id.length; pos++) {
        const original = id.charAt(pos);
        for (const substitute of SUBSTITUTES) {
          // Substitutes that read as the same symbol are not misreads (case, o/0, i/l/1).
          const same =
            pos < PREFIX.length
              ? substitute.toLowerCase() === original
              : readsAs(substitute) === readsAs(original);
          if (same) continue;
          const misread = id.slice(0, pos) + substitute + id.slice(pos + 1);
          const result = parseCardCode(misread);
          tried++;
          // A ':' before the body turns the text into `<other scheme>:…`, e.g. `crd:…`.
          const expected =
            pos < PREFIX.length && substitute === ':'
              ? ['not_a_treu_code']
              : ['check_failed', 'malformed_card_code'];
          if (result.ok || !expected.includes(result.error.code)) accepted.push(misread);
        }
      }
    }
    expect(accepted).toEqual([]);
    expect(tried).toBeGreaterThan(200 * 25 * 90);
  });

  it('EXHAUSTIVE: every substitution by another alphabet symbol in the body gives check_failed', () => {
    const wrong: string[] = [];
    for (const id of ids) {
      for (let pos = PREFIX.length; pos < id.length; pos++) {
        for (const symbol of CARD_ALPHABET) {
          if (symbol === id.charAt(pos)) continue;
          const misread = id.slice(0, pos) + symbol + id.slice(pos + 1);
          const result = parseCardCode(misread);
          if (result.ok || result.error.code !== 'check_failed') wrong.push(misread);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('EXHAUSTIVE: every swap of two adjacent different characters in 200 ids is refused', () => {
    let tried = 0;
    const accepted: string[] = [];
    for (const id of ids) {
      for (let pos = 0; pos + 1 < id.length; pos++) {
        const a = id.charAt(pos);
        const b = id.charAt(pos + 1);
        if (a === b) continue;
        const swapped = id.slice(0, pos) + b + a + id.slice(pos + 2);
        const result = parseCardCode(swapped);
        tried++;
        if (result.ok || !['check_failed', 'malformed_card_code'].includes(result.error.code)) {
          accepted.push(swapped);
        }
      }
    }
    expect(accepted).toEqual([]);
    expect(tried).toBeGreaterThan(200 * 20);
  });

  it('EXHAUSTIVE: every substitution and adjacent swap in the full TREU1: code is refused', () => {
    const accepted: string[] = [];
    for (const id of ids.slice(0, 50)) {
      const code = cardCodeFor(id);
      const schemeEnd = CARD_CODE_SCHEME.length + 1;
      for (let pos = 0; pos < code.length; pos++) {
        const original = code.charAt(pos);
        for (const substitute of SUBSTITUTES) {
          const same =
            pos < schemeEnd + PREFIX.length
              ? substitute.toLowerCase() === original.toLowerCase()
              : readsAs(substitute) === readsAs(original);
          if (same) continue;
          const misread = code.slice(0, pos) + substitute + code.slice(pos + 1);
          if (parseCardCode(misread).ok) accepted.push(misread);
        }
        const next = code.charAt(pos + 1);
        if (next && next !== original) {
          const swapped = code.slice(0, pos) + next + original + code.slice(pos + 2);
          if (parseCardCode(swapped).ok) accepted.push(swapped);
        }
      }
    }
    expect(accepted).toEqual([]);
  });

  it('a dropped or an extra character is refused as malformed_card_code', () => {
    for (const id of ids) {
      expect(expectError(parseCardCode(id.slice(0, -1))).code).toBe('malformed_card_code');
      expect(expectError(parseCardCode(`${id}0`)).code).toBe('malformed_card_code');
    }
  });
});

describe('forgiving reading', () => {
  const id = `crd_${'0'.repeat(19)}1m`;

  it('reads upper case and lower case alike, scheme and id', () => {
    expect(parseCardCode(`TREU1:${id.toUpperCase()}`)).toEqual({ ok: true, value: id });
    expect(parseCardCode(`treu1:${id}`)).toEqual({ ok: true, value: id });
    expect(parseCardCode(`Treu1:Crd_${id.slice(4).toUpperCase()}`)).toEqual({
      ok: true,
      value: id,
    });
  });

  it('reads o and O as 0', () => {
    expect(parseCardCode(`TREU1:crd_${'o'.repeat(19)}1m`)).toEqual({ ok: true, value: id });
    expect(parseCardCode(`TREU1:crd_${'O'.repeat(19)}1m`)).toEqual({ ok: true, value: id });
  });

  it('reads i, I, l and L as 1', () => {
    for (const one of ['i', 'I', 'l', 'L']) {
      expect(parseCardCode(`TREU1:crd_${'0'.repeat(19)}${one}m`)).toEqual({ ok: true, value: id });
    }
  });

  it('normalises every generated id read in upper case back to the id', () => {
    for (const generated of ids) {
      expect(parseCardCode(cardCodeFor(generated).toUpperCase())).toEqual({
        ok: true,
        value: generated,
      });
    }
  });
});

describe('clear errors', () => {
  it.each([
    'https://example.com/menu',
    'WIFI:S:CafeGuest;T:WPA;P:secret;;',
    'mailto:anna@example.com',
    'BEGIN:VCARD',
  ])('%j (another QR code with a scheme) is not_a_treu_code', (text) => {
    expect(expectError(parseCardCode(text)).code).toBe('not_a_treu_code');
  });

  it.each(['4006381333931', 'hello', '', '   '])(
    '%j (text without a scheme that is not a card number) is malformed_card_code',
    (text) => {
      const error = expectError(parseCardCode(text));
      expect(error.code).toBe('malformed_card_code');
      expect(error.message).toContain('crd_');
    },
  );

  it('a future version TREU2: is unknown_version, naming the version', () => {
    const error = expectError(parseCardCode(`TREU2:${ids[0] ?? ''}`));
    expect(error.code).toBe('unknown_version');
    expect(error.message).toContain('TREU2');
  });

  it('TREU10: is unknown_version, not mistaken for TREU1', () => {
    expect(expectError(parseCardCode(`TREU10:${ids[0] ?? ''}`)).code).toBe('unknown_version');
  });

  it.each([0, 1, 19, 20, 22, 30])(
    'a body of %i symbols (21 expected) is malformed_card_code',
    (length) => {
      const error = expectError(parseCardCode(`TREU1:crd_${'0'.repeat(length)}`));
      expect(error.code).toBe('malformed_card_code');
      expect(error.message).toContain('21');
    },
  );

  it('a wrong check symbol is check_failed', () => {
    expect(expectError(parseCardCode(`TREU1:crd_${'0'.repeat(19)}1n`)).code).toBe('check_failed');
  });

  it('a wrong prefix after TREU1: is malformed_card_code', () => {
    expect(expectError(parseCardCode(`TREU1:mem_${'0'.repeat(19)}1m`)).code).toBe(
      'malformed_card_code',
    );
  });

  it('an NFC or barcode card id is not a QR card code', () => {
    expect(expectError(parseCardCode('TREU1:crd_nfc-04a224b1')).code).toBe('malformed_card_code');
    expect(isValidQrCardId('crd_bc-4006381333931')).toBe(false);
  });
});

describe('readerCardId', () => {
  it('makes crd_nfc-<uid> from an NFC UID, lower case, without separators', () => {
    expect(readerCardId('nfc', '04:A2:24:B1:5C:6D:80')).toEqual({
      ok: true,
      value: 'crd_nfc-04a224b15c6d80',
    });
  });

  it('makes crd_bc-<value> from a barcode', () => {
    expect(readerCardId('barcode', '4006381333931')).toEqual({
      ok: true,
      value: 'crd_bc-4006381333931',
    });
  });

  it('reads the same card the same way whatever separators and case the reader uses', () => {
    const spellings = ['04a224b1', '04:A2:24:B1', '04-a2-24-b1', '04 A2 24 B1', ' 04A224B1\n'];
    const results = spellings.map((raw) => readerCardId('nfc', raw));
    for (const result of results) expect(result).toEqual({ ok: true, value: 'crd_nfc-04a224b1' });
  });

  it('accepts 4 to 56 letters or digits and refuses 3 or 57', () => {
    expect(readerCardId('barcode', '1234').ok).toBe(true);
    expect(readerCardId('barcode', '1'.repeat(56)).ok).toBe(true);
    expect(expectError(readerCardId('barcode', '123')).code).toBe('malformed_card_code');
    expect(expectError(readerCardId('barcode', '1'.repeat(57))).code).toBe('malformed_card_code');
  });

  it.each(['', '12#4', '04a2_24b1', 'äöü1', '12.34', '<script>'])(
    'refuses %j with malformed_card_code',
    (raw) => {
      expect(expectError(readerCardId('nfc', raw)).code).toBe('malformed_card_code');
    },
  );

  it('gives ids that are valid card ids for the ledger, even at the longest length', () => {
    for (const kind of ['nfc', 'barcode'] as const) {
      for (const raw of ['1234', 'z'.repeat(56)]) {
        const result = readerCardId(kind, raw);
        expect(result.ok && idPattern('card').test(result.value)).toBe(true);
      }
    }
  });

  it('never gives an id that could be a QR card id', () => {
    for (const kind of ['nfc', 'barcode'] as const) {
      const result = readerCardId(kind, '0'.repeat(17));
      expect(result.ok && isValidQrCardId(result.value)).toBe(false);
    }
  });
});
