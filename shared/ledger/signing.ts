/**
 * Ed25519 signatures over the RFC 8785 canonical JSON of an event without its `sig`,
 * through WebCrypto only, so the same code runs in Chromium, Electron and Node 20.
 * The terminal's private key is non-extractable and lives in IndexedDB.
 */
import { fromBase64Url, toBase64Url } from './base64url';
import { canonicalBytes } from './canonical-json';
import type { LedgerEvent, UnsignedEvent } from './envelope';

const ED25519 = { name: 'Ed25519' } as const;

export interface SigningKeyPair {
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
}

/** A new key pair; the private key cannot be exported. */
export async function generateSigningKeyPair(): Promise<SigningKeyPair> {
  const pair = await crypto.subtle.generateKey(ED25519, false, ['sign', 'verify']);
  return { privateKey: pair.privateKey, publicKey: pair.publicKey };
}

/** The public key as base64url of its 32 raw bytes: what enrolment sends to the server. */
export async function exportPublicKey(publicKey: CryptoKey): Promise<string> {
  return toBase64Url(new Uint8Array(await crypto.subtle.exportKey('raw', publicKey)));
}

/**
 * Imports a public key sent as base64url; undefined when it is not 32 bytes of canonical
 * base64url or when WebCrypto refuses it. Node and Chromium accept, at import, 32 bytes
 * that are not a point on the curve; such a key then verifies no signature at all.
 */
export async function importPublicKey(base64url: string): Promise<CryptoKey | undefined> {
  const raw = fromBase64Url(base64url);
  if (raw?.length !== 32) return undefined;
  try {
    return await crypto.subtle.importKey('raw', raw, ED25519, true, ['verify']);
  } catch {
    // Some WebCrypto implementations reject bytes that are not a point on the curve: not a
    // key, not a bug.
    return undefined;
  }
}

export async function signBytes(
  privateKey: CryptoKey,
  bytes: Uint8Array<ArrayBuffer>,
): Promise<string> {
  return toBase64Url(new Uint8Array(await crypto.subtle.sign(ED25519, privateKey, bytes)));
}

export async function verifyBytes(
  publicKey: CryptoKey,
  bytes: Uint8Array<ArrayBuffer>,
  signature: string,
): Promise<boolean> {
  const sig = fromBase64Url(signature);
  if (sig?.length !== 64) return false;
  return crypto.subtle.verify(ED25519, publicKey, sig, bytes);
}

/** Signs an event: the signature covers every field but `sig`. */
export async function signEvent(event: UnsignedEvent, privateKey: CryptoKey): Promise<LedgerEvent> {
  const sig = await signBytes(privateKey, canonicalBytes(event));
  return { ...event, sig };
}

/** Whether the event's `sig` is the terminal's signature over the rest of the event. */
export async function verifyEvent(event: LedgerEvent, publicKey: CryptoKey): Promise<boolean> {
  const { sig, ...unsigned } = event;
  return verifyBytes(publicKey, canonicalBytes(unsigned), sig);
}
