/**
 * RFC 8785 JSON Canonicalization Scheme, through the `canonicalize` library (by the
 * RFC's authors), not hand-rolled. Signatures are made over these bytes.
 */
import canonicalize from 'canonicalize';

export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('Value has no JSON representation.');
  return text;
}

const encoder = new TextEncoder();

export function canonicalBytes(value: unknown): Uint8Array<ArrayBuffer> {
  return encoder.encode(canonicalJson(value));
}
