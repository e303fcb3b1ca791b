/**
 * The real HidPort: node-hid. On Linux it uses the libusb backend, which detaches the
 * kernel's keyboard driver from the reader, so the reader's keystrokes stop reaching the
 * screen (hidraw would share them with it); that needs a udev rule giving the terminal's
 * user the reader (docs/operations.md, Card readers). On macOS node-hid opens devices
 * exclusively by default. On Windows a keyboard-mode reader belongs to the system: it has
 * to be switched to HID-POS.
 */
import { devicesAsync, HIDAsync, setDriverType } from 'node-hid';
import type { HidHandle, HidPort } from './card-reader';

export function nodeHidPort(platform: NodeJS.Platform = process.platform): HidPort {
  if (platform === 'linux') setDriverType('libusb');
  return {
    devices: () => devicesAsync(),
    open: async (path): Promise<HidHandle> => HIDAsync.open(path, { nonExclusive: false }),
  };
}
