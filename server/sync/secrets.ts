/**
 * Bearer tokens and enrolment codes: random, shown once, stored only as SHA-256 hashes,
 * so a copy of the database lets no one push as a terminal or enrol one.
 */
import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits as base64url: a terminal's bearer token. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** Letters and digits a manager can read out and type without mixing up (no 0/O, 1/I/L). */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** An enrolment code: 12 characters (about 59 bits), in groups of four for reading out. */
export function newEnrolmentCode(): string {
  const bytes = randomBytes(12);
  const chars = [...bytes].map((byte) => CODE_ALPHABET[byte % CODE_ALPHABET.length] ?? 'A');
  return [0, 4, 8].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

/** How a code typed with other case, spaces or dashes is compared: the same. */
export const normaliseCode = (code: string): string =>
  code.toUpperCase().replace(/[^A-Z0-9]/gu, '');

export const hashSecret = (secret: string): string =>
  createHash('sha256').update(secret, 'utf8').digest('hex');
