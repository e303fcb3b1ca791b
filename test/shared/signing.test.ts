import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { newEventId } from '../../shared/ids';
import { fromBase64Url, toBase64Url } from '../../shared/ledger/base64url';
import { canonicalBytes } from '../../shared/ledger/canonical-json';
import { parseEvent, type LedgerEvent, type UnsignedEvent } from '../../shared/ledger/envelope';
import { EVENT_TYPES } from '../../shared/ledger/event-types';
import {
  exportPublicKey,
  generateSigningKeyPair,
  importPublicKey,
  signBytes,
  signEvent,
  verifyBytes,
  verifyEvent,
} from '../../shared/ledger/signing';
import { VALID_UNSIGNED_EVENTS } from './vectors/events';
import { hexToBytes, RFC8032_ED25519, vectorJwk, type Ed25519Vector } from './vectors/rfc8032';

const ED25519 = { name: 'Ed25519' } as const;

async function importVectorPrivateKey(vector: Ed25519Vector): Promise<CryptoKey> {
  return crypto.subtle.importKey('jwk', vectorJwk(vector, toBase64Url), ED25519, false, ['sign']);
}

async function importVectorPublicKey(vector: Ed25519Vector): Promise<CryptoKey> {
  const key = await importPublicKey(toBase64Url(hexToBytes(vector.publicKey)));
  if (!key) throw new Error(`public key of ${vector.name} did not import`);
  return key;
}

function flipBit(bytes: Uint8Array, bit: number): Uint8Array<ArrayBuffer> {
  const copy = new Uint8Array(bytes);
  copy[bit >> 3] = (copy[bit >> 3] ?? 0) ^ (1 << (bit & 7));
  return copy;
}

describe('RFC 8032 section 7.1 test vectors through signBytes and verifyBytes', () => {
  it.each(RFC8032_ED25519)('$name: signBytes gives exactly the signature of the RFC', async (v) => {
    const privateKey = await importVectorPrivateKey(v);
    expect(await signBytes(privateKey, hexToBytes(v.message))).toBe(
      toBase64Url(hexToBytes(v.signature)),
    );
  });

  it.each(RFC8032_ED25519)('$name: verifyBytes accepts the signature of the RFC', async (v) => {
    const publicKey = await importVectorPublicKey(v);
    const signature = toBase64Url(hexToBytes(v.signature));
    expect(await verifyBytes(publicKey, hexToBytes(v.message), signature)).toBe(true);
  });

  it.each(RFC8032_ED25519)(
    '$name: verifyBytes refuses every one of the 512 one-bit flips of the signature',
    async (v) => {
      const publicKey = await importVectorPublicKey(v);
      const message = hexToBytes(v.message);
      const signature = hexToBytes(v.signature);
      const accepted: number[] = [];
      for (let bit = 0; bit < 512; bit++) {
        if (await verifyBytes(publicKey, message, toBase64Url(flipBit(signature, bit)))) {
          accepted.push(bit);
        }
      }
      expect(accepted).toEqual([]);
    },
  );

  it.each(RFC8032_ED25519)('$name: verifyBytes refuses a changed message', async (v) => {
    const publicKey = await importVectorPublicKey(v);
    const signature = toBase64Url(hexToBytes(v.signature));
    const message = hexToBytes(v.message);
    expect(await verifyBytes(publicKey, hexToBytes(`${v.message}00`), signature)).toBe(false);
    if (message.length > 0) {
      expect(await verifyBytes(publicKey, flipBit(message, 0), signature)).toBe(false);
    }
  });

  it('verifyBytes refuses a vector signature checked against another vector’s public key', async () => {
    const [first, second] = RFC8032_ED25519 as [Ed25519Vector, Ed25519Vector];
    const otherKey = await importVectorPublicKey(second);
    const signature = toBase64Url(hexToBytes(first.signature));
    expect(await verifyBytes(otherKey, hexToBytes(first.message), signature)).toBe(false);
  });

  it.each(RFC8032_ED25519)('$name: exportPublicKey gives the RFC public key', async (v) => {
    expect(await exportPublicKey(await importVectorPublicKey(v))).toBe(
      toBase64Url(hexToBytes(v.publicKey)),
    );
  });

  it('verifyBytes refuses a signature of the wrong length or spelling without throwing', async () => {
    const [v] = RFC8032_ED25519 as [Ed25519Vector];
    const publicKey = await importVectorPublicKey(v);
    const message = hexToBytes(v.message);
    const signature = toBase64Url(hexToBytes(v.signature));
    for (const bad of ['', 'abc', signature.slice(0, -1), `${signature}A`, `${signature}==`]) {
      expect(await verifyBytes(publicKey, message, bad)).toBe(false);
    }
    expect(await verifyBytes(publicKey, message, signature.replace(/.$/, '!'))).toBe(false);
  });

  it('verifyBytes refuses a second spelling of the same signature bytes', async () => {
    // 64 bytes take 86 characters; the last one carries 2 bits and 4 unused bits.
    const [v] = RFC8032_ED25519 as [Ed25519Vector];
    const publicKey = await importVectorPublicKey(v);
    const signature = toBase64Url(hexToBytes(v.signature));
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(signature.slice(-1));
    const respelled = signature.slice(0, -1) + alphabet.charAt(last | 1);
    expect(respelled).not.toBe(signature);
    expect(await verifyBytes(publicKey, hexToBytes(v.message), signature)).toBe(true);
    expect(await verifyBytes(publicKey, hexToBytes(v.message), respelled)).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

interface Change {
  readonly description: string;
  readonly event: Json;
}

const clone = <T>(value: T): T => structuredClone(value);

function getAt(root: Json, path: Path): Json {
  let node: Json = root;
  for (const key of path) node = (node as Record<string | number, Json>)[key] as Json;
  return node;
}

function setAt(root: Json, path: Path, value: Json | undefined): Json {
  const copy = clone(root);
  const parent = getAt(copy, path.slice(0, -1)) as Record<string | number, Json>;
  const key = path[path.length - 1] as string | number;
  if (value === undefined) {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else Reflect.deleteProperty(parent, key);
  } else {
    parent[key] = value;
  }
  return copy;
}

/**
 * Every change to one field of a signed event: each leaf gets a different value of its
 * type, each object field (but `sig`) is removed, each object gets an extra field and
 * each array loses and gains an element.
 */
function changesOf(event: LedgerEvent): Change[] {
  const root = clone(event) as unknown as Json;
  const changes: Change[] = [];
  const walk = (node: Json, path: Path): void => {
    const name = path.join('.');
    if (Array.isArray(node)) {
      changes.push({
        description: `${name}: element removed`,
        event: setAt(root, path, node.slice(1)),
      });
      changes.push({
        description: `${name}: element added`,
        event: setAt(root, path, [...node, clone(node[0] ?? null)]),
      });
      node.forEach((inner, index) => {
        walk(inner, [...path, index]);
      });
      return;
    }
    if (node !== null && typeof node === 'object') {
      changes.push({
        description: `${name || '(event)'}: extra field`,
        event: setAt(root, [...path, 'extra'], 'x'),
      });
      for (const [key, inner] of Object.entries(node)) {
        const innerPath = [...path, key];
        if (innerPath.join('.') !== 'sig') {
          changes.push({
            description: `${innerPath.join('.')}: removed`,
            event: setAt(root, innerPath, undefined),
          });
        }
        walk(inner, innerPath);
      }
      return;
    }
    if (name === 'sig') {
      // A different valid signature: one bit of the 64 bytes flipped.
      const bytes = fromBase64Url(node as string) ?? new Uint8Array(64);
      changes.push({
        description: 'sig: one bit flipped',
        event: setAt(root, path, toBase64Url(flipBit(bytes, 300))),
      });
      return;
    }
    const changed: Json =
      typeof node === 'string'
        ? `${node}x`
        : typeof node === 'number'
          ? node + 1
          : typeof node === 'boolean'
            ? !node
            : 'null replaced';
    changes.push({
      description: `${name}: ${JSON.stringify(node)} -> ${JSON.stringify(changed)}`,
      event: setAt(root, path, changed),
    });
    if (typeof node === 'string' && node.length > 0) {
      const flipped = node.charAt(0) === 'a' ? `b${node.slice(1)}` : `a${node.slice(1)}`;
      changes.push({
        description: `${name}: first character changed`,
        event: setAt(root, path, flipped),
      });
    }
  };
  walk(root, []);
  return changes;
}

describe('signed events', () => {
  let privateKey: CryptoKey;
  let publicKey: CryptoKey;
  let stampsEarned: UnsignedEvent;

  beforeAll(async () => {
    const [v] = RFC8032_ED25519 as [Ed25519Vector];
    privateKey = await importVectorPrivateKey(v);
    publicKey = await importVectorPublicKey(v);
    // The random tail of the event id from fixed bytes, so every run signs the same event.
    vi.spyOn(crypto, 'getRandomValues').mockImplementation(
      <T extends ArrayBufferView | null>(array: T): T => {
        if (array) new Uint8Array(array.buffer, array.byteOffset, array.byteLength).fill(0x5a);
        return array;
      },
    );
    const id = newEventId(1_732_280_000_000);
    vi.restoreAllMocks();
    stampsEarned = {
      id,
      hlc: '001732280000000-00000-term_4f2a',
      seq: 1,
      tenant: 'ten_demo',
      store: 'sto_demo',
      terminal: 'term_4f2a',
      staff: 'stf_anna',
      type: 'stamps.earned',
      data: { member: 'mem_abcd1234', program: 'prg_coffee', count: 2, reason: 'purchase' },
    };
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('signEvent adds an 86-character base64url sig and keeps every other field', async () => {
    const signed = await signEvent(stampsEarned, privateKey);
    expect(signed.sig).toMatch(/^[A-Za-z0-9_-]{86}$/);
    expect(Object.fromEntries(Object.entries(signed).filter(([key]) => key !== 'sig'))).toEqual(
      stampsEarned,
    );
  });

  it('a freshly signed event is a valid event and verifyEvent accepts it', async () => {
    const signed = await signEvent(stampsEarned, privateKey);
    expect(parseEvent(signed).ok).toBe(true);
    expect(await verifyEvent(signed, publicKey)).toBe(true);
  });

  it('the signature is over the RFC 8785 canonical JSON of the event without sig', async () => {
    const signed = await signEvent(stampsEarned, privateKey);
    expect(await verifyBytes(publicKey, canonicalBytes(stampsEarned), signed.sig)).toBe(true);
    expect(signed.sig).toBe(await signBytes(privateKey, canonicalBytes(stampsEarned)));
  });

  it('signing is deterministic and does not depend on the order of the keys', async () => {
    const reordered = Object.fromEntries(Object.entries(stampsEarned).reverse()) as UnsignedEvent;
    const first = await signEvent(stampsEarned, privateKey);
    const second = await signEvent(reordered, privateKey);
    expect(second.sig).toBe(first.sig);
  });

  it('verifyEvent refuses the event checked against another terminal’s key', async () => {
    const signed = await signEvent(stampsEarned, privateKey);
    const other = await importVectorPublicKey(RFC8032_ED25519[1] as Ed25519Vector);
    expect(await verifyEvent(signed, other)).toBe(false);
  });

  it('verifyEvent refuses the signature of another event', async () => {
    const signed = await signEvent(stampsEarned, privateKey);
    const other = await signEvent({ ...stampsEarned, seq: 2 }, privateKey);
    expect(await verifyEvent({ ...signed, sig: other.sig }, publicKey)).toBe(false);
  });

  it('verifyEvent returns false, without throwing, for a sig that is not a signature', async () => {
    const signed = await signEvent(stampsEarned, privateKey);
    for (const sig of ['', 'not a signature', 'A'.repeat(86), signed.sig.slice(1)]) {
      expect(await verifyEvent({ ...signed, sig }, publicKey)).toBe(false);
    }
  });

  it.each(EVENT_TYPES)(
    '%s: verifies after a JSON round trip and after parseEvent',
    async (type) => {
      const signed = await signEvent(VALID_UNSIGNED_EVENTS[type], privateKey);
      const wire: unknown = JSON.parse(JSON.stringify(signed));
      const parsed = parseEvent(wire);
      expect(parsed.ok).toBe(true);
      if (parsed.ok) {
        expect(parsed.value).toEqual(signed);
        expect(await verifyEvent(parsed.value, publicKey)).toBe(true);
      }
    },
  );

  it.each(EVENT_TYPES)('%s: changing any single field makes verifyEvent false', async (type) => {
    const signed = await signEvent(VALID_UNSIGNED_EVENTS[type], privateKey);
    expect(await verifyEvent(signed, publicKey)).toBe(true);
    const changes = changesOf(signed);
    const stillVerifying: string[] = [];
    for (const change of changes) {
      if (await verifyEvent(change.event as unknown as LedgerEvent, publicKey)) {
        stillVerifying.push(change.description);
      }
    }
    expect(stillVerifying).toEqual([]);
    // Every envelope field and every data field was changed at least once.
    const changed = (field: string) =>
      changes.some(
        (c) => c.description.startsWith(`${field}:`) || c.description.startsWith(`${field}.`),
      );
    for (const field of Object.keys(signed)) expect(changed(field), field).toBe(true);
    for (const field of Object.keys(signed.data))
      expect(changed(`data.${field}`), field).toBe(true);
  });

  it('the field walk reaches nested fields (program rules, consent, totals)', async () => {
    const descriptions = (type: keyof typeof VALID_UNSIGNED_EVENTS) =>
      signEvent(VALID_UNSIGNED_EVENTS[type], privateKey).then((e) =>
        changesOf(e).map((c) => c.description),
      );
    expect(await descriptions('program.published')).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^data\.rules\.rewards\.1\.discountCents: 150 -> 151/),
        expect.stringMatching(/^data\.rules\.campaigns\.0\.weekdays\.2: 3 -> 4/),
        expect.stringMatching(/^data\.rules\.bonuses\.referral\.referee: removed/),
      ]),
    );
    expect(await descriptions('member.enrolled')).toContain(
      'data.consent.marketing: true -> false',
    );
    expect(await descriptions('day.closed')).toContain('data.totals.voids: 1 -> 2');
  });
});

describe('keys', () => {
  it('generateSigningKeyPair makes an Ed25519 pair whose private key cannot be exported', async () => {
    const pair = await generateSigningKeyPair();
    expect(pair.privateKey.algorithm.name).toBe('Ed25519');
    expect(pair.privateKey.type).toBe('private');
    expect(pair.privateKey.extractable).toBe(false);
    expect(pair.privateKey.usages).toEqual(['sign']);
    await expect(crypto.subtle.exportKey('jwk', pair.privateKey)).rejects.toThrow();
    expect(pair.publicKey.type).toBe('public');
    expect(pair.publicKey.usages).toEqual(['verify']);
  });

  it('exportPublicKey -> importPublicKey round trip gives a key that verifies the pair’s signatures', async () => {
    const pair = await generateSigningKeyPair();
    const exported = await exportPublicKey(pair.publicKey);
    expect(exported).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const imported = await importPublicKey(exported);
    expect(imported).toBeDefined();
    if (!imported) return;
    expect(await exportPublicKey(imported)).toBe(exported);
    const signed = await signEvent(VALID_UNSIGNED_EVENTS['stamps.earned'], pair.privateKey);
    expect(await verifyEvent(signed, imported)).toBe(true);
  });

  it.each([
    ['the empty string', ''],
    ['text that is not base64url', 'not a key!'],
    ['standard base64 with padding', `${'A'.repeat(42)}E=`],
    ['31 bytes', toBase64Url(new Uint8Array(31))],
    ['33 bytes', toBase64Url(new Uint8Array(33))],
    ['64 bytes', toBase64Url(new Uint8Array(64))],
    ['a second spelling of 32 bytes', `${'A'.repeat(42)}B`],
  ])('importPublicKey returns undefined for %s', async (_label, text) => {
    expect(await importPublicKey(text)).toBeUndefined();
  });

  it('32 bytes that are not a usable key never verify anything (whether import refuses them or not)', async () => {
    const [v] = RFC8032_ED25519 as [Ed25519Vector];
    const notAPoint = toBase64Url(new Uint8Array(32).fill(0xff));
    const key = await importPublicKey(notAPoint);
    if (key) {
      const signature = toBase64Url(hexToBytes(v.signature));
      expect(await verifyBytes(key, hexToBytes(v.message), signature)).toBe(false);
    } else {
      expect(key).toBeUndefined();
    }
  });
});
