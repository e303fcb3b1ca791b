/**
 * HQ administrators' passwords: scrypt (node:crypto) with a random 16-byte salt, stored
 * with its parameters as `scrypt$N$r$p$salt$hash` (base64url), so the cost can be raised
 * later without breaking stored hashes. Compared in constant time.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { randomSymbols } from '../../shared/ids';

const KEY_LENGTH = 32;
/** N = 2^15, r = 8, p = 1: about 32 MiB and a few tens of milliseconds per check. */
const COST = { N: 32_768, r: 8, p: 1 } as const;
const MAX_MEMORY = 64 * 1024 * 1024;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, { ...COST, maxmem: MAX_MEMORY });
  return [
    'scrypt',
    COST.N,
    COST.r,
    COST.p,
    salt.toString('base64url'),
    key.toString('base64url'),
  ].join('$');
}

const STORED = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/u;

/** Whether the password matches the stored hash; false for a hash that cannot be read. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = STORED.exec(stored);
  if (!parts) return false;
  const [, n, r, p, salt, hash] = parts;
  const expected = Buffer.from(hash ?? '', 'base64url');
  const key = await derive(password, Buffer.from(salt ?? '', 'base64url'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: MAX_MEMORY,
  });
  return expected.length === key.length && timingSafeEqual(expected, key);
}

/**
 * A hash no password matches, checked when the user name is unknown: the answer then
 * takes as long as for a known name, so timing does not tell which names exist.
 */
export const UNKNOWN_USER_HASH = `scrypt$${COST.N}$${COST.r}$${COST.p}$${'A'.repeat(22)}$${'A'.repeat(43)}`;

/** Letters and digits without look-alikes (0/O, 1/I/l), in groups: easy to read off a console. */
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A generated password of 20 symbols (about 115 bits), as `xxxxx-xxxxx-xxxxx-xxxxx`. */
export function newPassword(): string {
  const symbols = randomSymbols(ALPHABET, 20);
  return [0, 5, 10, 15].map((i) => symbols.slice(i, i + 5)).join('-');
}
