import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  CROCKFORD_LOWER,
  ID_PREFIXES,
  idPattern,
  newEventId,
  newId,
  randomSymbols,
  UUID_V7_PATTERN,
  type IdKind,
} from '../../shared/ids';

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

/** Feeds crypto.getRandomValues from a fixed list of bytes, in order. */
function scriptedRandomValues(script: readonly number[]) {
  let next = 0;
  return <T extends ArrayBufferView | null>(array: T): T => {
    if (array === null) return array;
    const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
    for (let i = 0; i < bytes.length; i++) bytes[i] = script[next++ % script.length] ?? 0;
    return array;
  };
}

const KINDS = Object.keys(ID_PREFIXES) as IdKind[];

/** The 48-bit millisecond timestamp at the start of a UUIDv7. */
const uuidV7Millis = (uuid: string): number => parseInt(uuid.replace(/-/g, '').slice(0, 12), 16);

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('prefixes', () => {
  it('gives every kind of id its documented prefix', () => {
    expect(ID_PREFIXES).toEqual({
      tenant: 'ten',
      store: 'sto',
      terminal: 'term',
      staff: 'stf',
      member: 'mem',
      program: 'prg',
      reward: 'rwd',
      card: 'crd',
    });
  });

  it('uses a different prefix for every kind', () => {
    expect(new Set(Object.values(ID_PREFIXES)).size).toBe(KINDS.length);
  });

  it.each(KINDS)('newId(%s) is the prefix, "_" and 20 Crockford base32 symbols', (kind) => {
    vi.spyOn(crypto, 'getRandomValues').mockImplementation(seededRandomValues(7));
    const id = newId(kind);
    expect(id).toMatch(new RegExp(`^${ID_PREFIXES[kind]}_[${CROCKFORD_LOWER}]{20}$`));
    expect(id).toMatch(idPattern(kind));
  });

  it('an id of one kind never matches the pattern of another kind', () => {
    vi.spyOn(crypto, 'getRandomValues').mockImplementation(seededRandomValues(8));
    for (const kind of KINDS) {
      const id = newId(kind);
      for (const other of KINDS) {
        if (other !== kind) expect(idPattern(other).test(id), `${id} as ${other}`).toBe(false);
      }
    }
  });
});

describe('idPattern', () => {
  it('accepts readable slugs as well as random bodies', () => {
    expect(idPattern('program').test('prg_coffee')).toBe(true);
    expect(idPattern('reward').test('rwd_free-coffee')).toBe(true);
    expect(idPattern('tenant').test('ten_demo')).toBe(true);
    expect(idPattern('terminal').test('term_4f2a')).toBe(true);
  });

  it('accepts bodies of 2 to 64 characters and refuses 1 or 65', () => {
    const member = idPattern('member');
    expect(member.test('mem_ab')).toBe(true);
    expect(member.test(`mem_${'a'.repeat(64)}`)).toBe(true);
    expect(member.test('mem_a')).toBe(false);
    expect(member.test(`mem_${'a'.repeat(65)}`)).toBe(false);
  });

  it.each([
    ['mem_ABCD', 'upper case'],
    ['mem_-abc', 'a body starting with "-"'],
    ['mem_ab_c', 'an underscore in the body'],
    ['mem_ab c', 'a space'],
    ['mem_abcé', 'a non-ASCII letter'],
    ['memabcd', 'no "_" after the prefix'],
    ['MEM_abcd', 'an upper-case prefix'],
    ['sto_abcd', 'the prefix of another kind'],
    ['xmem_abcd', 'text before the prefix'],
    ['mem_abcd\n', 'a trailing newline'],
    [' mem_abcd', 'a leading space'],
    ['', 'the empty string'],
  ])('refuses %j (%s) as a member id', (text) => {
    expect(idPattern('member').test(text)).toBe(false);
  });
});

describe('randomSymbols', () => {
  it('maps each byte below the largest multiple of the alphabet size to byte mod size', () => {
    // 256 % 31 = 8, so bytes 248..255 must be skipped, or the first 8 symbols would be
    // drawn more often than the rest (modulo bias).
    const alphabet = CROCKFORD_LOWER.slice(0, 31);
    vi.spyOn(crypto, 'getRandomValues').mockImplementation(
      scriptedRandomValues([248, 0, 255, 30, 31, 247, 249, 62]),
    );
    expect(randomSymbols(alphabet, 5)).toBe(
      `${alphabet[0]}${alphabet[30]}${alphabet[0]}${alphabet[247 % 31]}${alphabet[0]}`,
    );
  });

  it('gives every symbol exactly 8 of the 256 byte values and skips the other 8', () => {
    const alphabet = CROCKFORD_LOWER.slice(0, 31);
    const symbolFor = (byte: number): string => {
      // A skipped byte falls through to the next one, which is always 0 here.
      vi.spyOn(crypto, 'getRandomValues').mockImplementation(scriptedRandomValues([byte, 0]));
      return randomSymbols(alphabet, 1);
    };
    const drawn = Array.from({ length: 256 }, (_, byte) => symbolFor(byte));
    const expected = Array.from({ length: 256 }, (_, byte) =>
      byte < 248 ? alphabet.charAt(byte % 31) : alphabet.charAt(0),
    );
    expect(drawn).toEqual(expected);
    const counts = new Map<string, number>();
    for (const symbol of drawn.slice(0, 248)) counts.set(symbol, (counts.get(symbol) ?? 0) + 1);
    expect(counts.size).toBe(31);
    expect([...counts.values()].every((count) => count === 8)).toBe(true);
  });

  it('takes its randomness from crypto.getRandomValues', () => {
    const spy = vi.spyOn(crypto, 'getRandomValues');
    newId('member');
    expect(spy).toHaveBeenCalled();
  });
});

describe('newEventId', () => {
  it('is a UUIDv7: version 7, RFC 9562 variant, lower-case hex', () => {
    vi.spyOn(crypto, 'getRandomValues').mockImplementation(seededRandomValues(1));
    for (let i = 0; i < 1000; i++) {
      const id = newEventId(1_732_280_000_000 + i);
      expect(id).toMatch(UUID_V7_PATTERN);
      expect(id.charAt(14)).toBe('7');
      expect('89ab').toContain(id.charAt(19));
    }
  });

  it.each([0, 1, 1_732_280_000_000, 2 ** 48 - 1])('newEventId(%i) encodes %i ms', (ms) => {
    vi.spyOn(crypto, 'getRandomValues').mockImplementation(seededRandomValues(2));
    const id = newEventId(ms);
    expect(uuidV7Millis(id)).toBe(ms);
    expect(id).toMatch(UUID_V7_PATTERN);
  });

  it('encodes 1732280000000 as 019353ef-1e00', () => {
    vi.spyOn(crypto, 'getRandomValues').mockImplementation(seededRandomValues(3));
    expect(newEventId(1_732_280_000_000).slice(0, 13)).toBe('019353ef-1e00');
  });

  it('without an argument encodes the current time', () => {
    vi.useFakeTimers({ now: 1_900_000_000_123, toFake: ['Date'] });
    vi.spyOn(crypto, 'getRandomValues').mockImplementation(seededRandomValues(4));
    expect(uuidV7Millis(newEventId())).toBe(1_900_000_000_123);
  });

  it('ids made in the same millisecond are unique and sort in the order they were made', () => {
    vi.useFakeTimers({ now: 1_900_000_001_000, toFake: ['Date'] });
    vi.spyOn(crypto, 'getRandomValues').mockImplementation(seededRandomValues(5));
    const ids = Array.from({ length: 10_000 }, () => newEventId());
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it('10 000 ids with the same fixed time are all different', () => {
    vi.spyOn(crypto, 'getRandomValues').mockImplementation(seededRandomValues(6));
    const ids = Array.from({ length: 10_000 }, () => newEventId(1_732_280_000_000));
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('uniqueness', () => {
  it('100 000 member ids are all different', () => {
    vi.spyOn(crypto, 'getRandomValues').mockImplementation(seededRandomValues(42));
    const ids = Array.from({ length: 100_000 }, () => newId('member'));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('uses every symbol of the alphabet at every position of the body', () => {
    vi.spyOn(crypto, 'getRandomValues').mockImplementation(seededRandomValues(43));
    const seen = Array.from({ length: 20 }, () => new Set<string>());
    for (let i = 0; i < 5000; i++) {
      const body = newId('card').slice(4);
      for (let p = 0; p < 20; p++) seen[p]?.add(body.charAt(p));
    }
    expect(seen.map((symbols) => symbols.size)).toEqual(Array<number>(20).fill(32));
  });

  it('the Crockford alphabet has 32 distinct symbols and none of i, l, o, u', () => {
    expect(CROCKFORD_LOWER).toHaveLength(32);
    expect(new Set(CROCKFORD_LOWER).size).toBe(32);
    for (const confusable of 'ilou') expect(CROCKFORD_LOWER).not.toContain(confusable);
  });
});
