/**
 * The udev rules the Linux packages install (resources/linux/70-treu-card-readers.rules):
 * the logged-in user at the terminal may open the known readers (`uaccess`), both through
 * hidraw and through libusb, so Treu can take them from the keyboard driver without root.
 * A test keeps the shipped file equal to these rules.
 */
import { KNOWN_READERS, type KnownReader } from './known-readers';

const hex = (id: number) => id.toString(16).padStart(4, '0');

function match(reader: KnownReader): string {
  const vendor = `ATTRS{idVendor}=="${hex(reader.vendorId)}"`;
  return reader.productId === undefined
    ? vendor
    : `${vendor}, ATTRS{idProduct}=="${hex(reader.productId)}"`;
}

export function udevRules(readers: readonly KnownReader[] = KNOWN_READERS): string {
  const lines = readers.flatMap((reader) => [
    `# ${reader.name}`,
    `SUBSYSTEM=="usb", ${match(reader)}, TAG+="uaccess"`,
    `KERNEL=="hidraw*", SUBSYSTEM=="hidraw", ${match(reader)}, TAG+="uaccess"`,
  ]);
  return [
    '# Treu: the card readers and scanners it knows, for the user at the terminal.',
    '# Installed by the Treu package; written from electron/reader/known-readers.ts.',
    ...lines,
    '',
  ].join('\n');
}
