import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalBytes, canonicalJson } from '../../shared/ledger/canonical-json';
import { APPENDIX_B, APPENDIX_B_ERRORS, CYBERPHONE_TESTDATA, README_SAMPLE } from './vectors/jcs';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const hexBytes = (hex: string): Uint8Array =>
  Uint8Array.from(hex.match(/[0-9a-f]{2}/g) ?? [], (pair) => parseInt(pair, 16));

/** The IEEE 754 double whose bits are the 16 hex digits. */
function doubleFromHex(hex: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
}

/** The same JSON value with the keys of every object inserted in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([key, inner]) => [key, reverseKeys(inner)]),
    );
  }
  return value;
}

describe('RFC 8785 test data of the reference implementation (cyberphone)', () => {
  it.each(CYBERPHONE_TESTDATA)('testdata $name canonicalizes to the expected output', (vector) => {
    expect(canonicalJson(JSON.parse(vector.input))).toBe(vector.output);
  });

  it.each(CYBERPHONE_TESTDATA)(
    'testdata $name gives the UTF-8 bytes of the expected output',
    (v) => {
      expect(canonicalBytes(JSON.parse(v.input))).toEqual(utf8(v.output));
    },
  );

  it('the README sample gives exactly the bytes listed in hex there', () => {
    expect(canonicalJson(JSON.parse(README_SAMPLE.input))).toBe(README_SAMPLE.output);
    expect(canonicalBytes(JSON.parse(README_SAMPLE.input))).toEqual(
      hexBytes(README_SAMPLE.utf8Hex),
    );
  });
});

describe('RFC 8785 Appendix B: number serialization samples', () => {
  it.each(APPENDIX_B)('the double 0x%s is written as %s', (hex, expected) => {
    expect(canonicalJson(doubleFromHex(hex))).toBe(expected);
    expect(canonicalJson([doubleFromHex(hex)])).toBe(`[${expected}]`);
    expect(canonicalJson({ n: doubleFromHex(hex) })).toBe(`{"n":${expected}}`);
  });

  it.each(APPENDIX_B_ERRORS)('the double 0x%s (%s) is refused with an error', (hex) => {
    expect(() => canonicalJson(doubleFromHex(hex))).toThrow();
    expect(() => canonicalJson({ n: doubleFromHex(hex) })).toThrow();
  });

  it('-Infinity is refused too', () => {
    expect(() => canonicalJson([Number.NEGATIVE_INFINITY])).toThrow();
  });
});

describe('rules the ledger relies on', () => {
  it('sorts keys by UTF-16 code units, not by code points or locale', () => {
    // U+1F600 is the surrogate pair D83D DE00, which sorts before U+E000 as UTF-16 code
    // units although its code point is larger.
    expect(canonicalJson({ '\ue000': 1, '\ud83d\ude00': 2 })).toBe('{"\ud83d\ude00":2,"\ue000":1}');
    expect(canonicalJson({ b: 1, B: 2, a: 3, é: 4 })).toBe('{"B":2,"a":3,"b":1,"é":4}');
  });

  it('keeps the order of array elements', () => {
    expect(canonicalJson([3, 1, 2, { b: 1, a: 2 }])).toBe('[3,1,2,{"a":2,"b":1}]');
  });

  it('writes no white space', () => {
    expect(canonicalJson({ a: [1, { b: 'c d' }], e: null })).toBe('{"a":[1,{"b":"c d"}],"e":null}');
  });

  it('writes the integers of an event exactly', () => {
    expect(canonicalJson({ seq: 42, wall: 1_732_280_000_000, max: Number.MAX_SAFE_INTEGER })).toBe(
      '{"max":9007199254740991,"seq":42,"wall":1732280000000}',
    );
  });

  it('leaves out object properties whose value is undefined, as JSON.stringify does', () => {
    expect(canonicalJson({ a: 1, staff: undefined })).toBe('{"a":1}');
  });

  it('throws for a value that has no JSON representation', () => {
    expect(() => canonicalJson(undefined)).toThrow('no JSON representation');
  });

  it('gives the same text whatever order the keys were inserted in (property, seed 42)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(reverseKeys(value))).toBe(canonicalJson(value));
      }),
      { seed: 42, numRuns: 1000 },
    );
  });

  it('is a fixed point: canonicalizing parsed canonical JSON gives it back (property, seed 42)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { seed: 42, numRuns: 1000 },
    );
  });

  it('canonicalBytes is the UTF-8 encoding of canonicalJson', () => {
    expect(canonicalBytes({ name: 'Zoë €' })).toEqual(utf8('{"name":"Zoë €"}'));
    expect([...canonicalBytes('€')]).toEqual([0x22, 0xe2, 0x82, 0xac, 0x22]);
  });
});
