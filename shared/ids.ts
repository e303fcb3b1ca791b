/**
 * Identifiers. Event ids are UUIDv7 (time-ordered, made on the terminal before anything
 * is written; the idempotency key everywhere). Everything else carries a short prefix
 * that says what it names, followed by random Crockford base32: `mem_…`, `term_…`.
 */
import { v7 as uuidv7 } from 'uuid';

export const ID_PREFIXES = {
  tenant: 'ten',
  store: 'sto',
  terminal: 'term',
  staff: 'stf',
  member: 'mem',
  program: 'prg',
  reward: 'rwd',
  card: 'crd',
} as const;

export type IdKind = keyof typeof ID_PREFIXES;

/** Crockford's base32 alphabet, lower case: no i, l, o, u, so ids read back unambiguously. */
export const CROCKFORD_LOWER = '0123456789abcdefghjkmnpqrstvwxyz';

/** 20 characters of base32 carry 100 random bits: collisions are not a practical concern. */
const RANDOM_ID_LENGTH = 20;

/** A prefixed id's body: lower-case letters, digits and `-`; slugs like `prg_coffee` are allowed. */
const ID_BODY = '[0-9a-z][0-9a-z-]{1,63}';

export const idPattern = (kind: IdKind): RegExp => new RegExp(`^${ID_PREFIXES[kind]}_${ID_BODY}$`);

export const UUID_V7_PATTERN =
  /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Uniform random symbols from an alphabet, by rejection sampling (no modulo bias). */
export function randomSymbols(alphabet: string, length: number): string {
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  while (out.length < length) {
    const bytes = crypto.getRandomValues(new Uint8Array(length * 2));
    for (const byte of bytes) {
      if (byte < limit && out.length < length) out += alphabet.charAt(byte % alphabet.length);
    }
  }
  return out;
}

export function newId(kind: IdKind): string {
  return `${ID_PREFIXES[kind]}_${randomSymbols(CROCKFORD_LOWER, RANDOM_ID_LENGTH)}`;
}

/** A new UUIDv7 event id. `msecs` lets tests and replays fix the time part. */
export function newEventId(msecs?: number): string {
  return msecs === undefined ? uuidv7() : uuidv7({ msecs });
}
