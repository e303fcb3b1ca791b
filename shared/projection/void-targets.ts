/**
 * The ids named by `event.voided`, asked about once for every stamp and redemption the
 * fold meets. Voids are rare (about one event in a hundred), so almost every answer is
 * "no"; hashing a million fresh id strings to say so costs more than the rest of the
 * fold step. A one-hash Bloom filter over the last characters of the id answers most of
 * those "no"s from a bit array, and only a possible "yes" asks the set.
 */
const FILTER_BITS = 1 << 20;
const TAIL = 8;

export interface VoidTargets {
  readonly size: number;
  has(id: string): boolean;
  add(id: string): void;
  values(): IterableIterator<string>;
}

/** FNV-1a over the last TAIL characters: UUIDv7 ends in random (or counting) digits. */
function filterSlot(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = Math.max(0, id.length - TAIL); i < id.length; i++) {
    hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  }
  return (hash >>> 0) & (FILTER_BITS - 1);
}

export function createVoidTargets(): VoidTargets {
  const ids = new Set<string>();
  const filter = new Uint8Array(FILTER_BITS >>> 3);
  return {
    get size() {
      return ids.size;
    },
    has(id) {
      const slot = filterSlot(id);
      if (((filter[slot >>> 3] ?? 0) & (1 << (slot & 7))) === 0) return false;
      return ids.has(id);
    },
    add(id) {
      const slot = filterSlot(id);
      filter[slot >>> 3] = (filter[slot >>> 3] ?? 0) | (1 << (slot & 7));
      ids.add(id);
    },
    values: () => ids.values(),
  };
}
