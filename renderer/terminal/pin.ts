/**
 * Staff PINs: 4 to 8 digits, kept only as a PBKDF2-SHA256 hash with a random salt
 * (OWASP's 600,000 iterations for SHA-256), through WebCrypto. A short PIN is guessable
 * offline from its hash whatever the hash; what protects it at the counter is the
 * lockout (lockout.ts).
 */
import { fromBase64Url, toBase64Url } from '../../shared/ledger/base64url';
import { err, ok, type Result } from '../../shared/result';
import type { PinHash } from '../storage/rows';

export const PIN_ITERATIONS = 600_000;
const SALT_BYTES = 16;
const HASH_BITS = 256;

export type PinError = { code: 'pin_format'; minLength: number; maxLength: number };

export const PIN_LENGTH = { min: 4, max: 8 } as const;

export function checkPinFormat(pin: string): Result<string, PinError> {
  return /^\d+$/u.test(pin) && pin.length >= PIN_LENGTH.min && pin.length <= PIN_LENGTH.max
    ? ok(pin)
    : err({ code: 'pin_format', minLength: PIN_LENGTH.min, maxLength: PIN_LENGTH.max });
}

async function derive(pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number) {
  const material = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(pin),
    'PBKDF2',
    false,
    ['deriveBits'],
  );
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    HASH_BITS,
  );
  return new Uint8Array(bits);
}

export async function hashPin(pin: string, iterations = PIN_ITERATIONS): Promise<PinHash> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  return {
    algorithm: 'PBKDF2-SHA256',
    iterations,
    salt: toBase64Url(salt),
    hash: toBase64Url(await derive(pin, salt, iterations)),
  };
}

/** Compares in constant time over the hash bytes. */
export async function pinMatches(pin: string, stored: PinHash): Promise<boolean> {
  const salt = fromBase64Url(stored.salt);
  const expected = fromBase64Url(stored.hash);
  if (!salt || !expected) return false;
  const actual = await derive(pin, salt, stored.iterations);
  if (actual.length !== expected.length) return false;
  let difference = 0;
  for (let i = 0; i < actual.length; i++) difference |= (actual[i] ?? 0) ^ (expected[i] ?? 0);
  return difference === 0;
}
