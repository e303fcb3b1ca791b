/**
 * Card readers and scanners Treu opens when told to use "any known reader": USB vendor
 * (and, for generic RFID readers, product) ids as the devices report them. A reader not
 * listed is chosen by its vendor and product id (`reader` in terminal.json, or the
 * bridge's `reader.choose`).
 */
export interface KnownReader {
  readonly name: string;
  readonly vendorId: number;
  /** Absent: every product of the vendor (scanner makers whose devices all read codes). */
  readonly productId?: number;
}

export const KNOWN_READERS: readonly KnownReader[] = [
  { name: 'Generic 125 kHz RFID reader', vendorId: 0xffff, productId: 0x0035 },
  { name: 'Generic 13.56 MHz RFID reader', vendorId: 0x08ff, productId: 0x0009 },
  { name: 'Honeywell scanner', vendorId: 0x0c2e },
  { name: 'Zebra (Symbol) scanner', vendorId: 0x05e0 },
  { name: 'Datalogic scanner', vendorId: 0x05f9 },
  { name: 'Newland scanner', vendorId: 0x1eab },
];

export function knownReaderFor(vendorId: number, productId: number): KnownReader | undefined {
  return KNOWN_READERS.find(
    (reader) =>
      reader.vendorId === vendorId &&
      (reader.productId === undefined || reader.productId === productId),
  );
}
