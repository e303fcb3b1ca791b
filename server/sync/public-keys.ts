/**
 * Terminals' public keys as WebCrypto keys, imported once per server process. Only a
 * cache: every instance can import any key from the store's row.
 */
import { importPublicKey } from '../../shared/ledger/signing';
import type { TerminalRow } from '../store/server-store';

export interface PublicKeys {
  of(terminal: TerminalRow): Promise<CryptoKey>;
}

export function createPublicKeys(): PublicKeys {
  const imported = new Map<string, Promise<CryptoKey>>();
  return {
    of(terminal) {
      const known = imported.get(terminal.publicKey);
      if (known) return known;
      const key = importPublicKey(terminal.publicKey).then((value) => {
        // Enrolment imported this key before storing it: failing now is a bug.
        if (!value) throw new Error(`The stored key of ${terminal.id} is not an Ed25519 key.`);
        return value;
      });
      imported.set(terminal.publicKey, key);
      return key;
    },
  };
}
