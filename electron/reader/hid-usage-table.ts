/**
 * Characters of the keyboard page (0x07) of the USB HID Usage Tables 1.5, chapter 10.
 *
 * A usage id names a key position, not a character: which character it types is the
 * host's keyboard layout. This table assumes a US layout, the factory default of the
 * card readers we use; a reader set to another layout would type other characters for
 * the same codes and needs to be set back to US (or given its own table).
 */

/** Fills every key slot when more keys are down than a report can hold. */
const ERROR_ROLL_OVER = 0x01;
/** 0x02 POSTFail and 0x03 ErrorUndefined: like ErrorRollOver, a status, not keys. */
const ERROR_USAGES: ReadonlySet<number> = new Set([ERROR_ROLL_OVER, 0x02, 0x03]);

export const ENTER = 0x28;
const KEYPAD_ENTER = 0x58;

/** Left/right Control, Shift, Alt and GUI; a boot report carries them in its modifier byte. */
const FIRST_MODIFIER_USAGE = 0xe0;
const LAST_MODIFIER_USAGE = 0xe7;

type Characters = readonly [unshifted: string, shifted: string];

/** Consecutive usage ids from `firstUsage`, one per character of `unshifted`. */
function run(firstUsage: number, unshifted: string, shifted: string): [number, Characters][] {
  return Array.from({ length: unshifted.length }, (_, i) => [
    firstUsage + i,
    [unshifted.charAt(i), shifted.charAt(i)],
  ]);
}

const CHARACTERS: ReadonlyMap<number, Characters> = new Map([
  ...run(0x04, 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'),
  ...run(0x1e, '1234567890', '!@#$%^&*()'),
  ...run(0x2c, ' -=[]\\', ' _+{}|'),
  // 0x32 (Non-US # and ~) is not on a US keyboard.
  ...run(0x33, ";'`,./", ':"~<>?'),
  // The keypad types the same with and without shift: readers send it with NumLock on
  // and never shift it, and shift would otherwise mean Home, End and the arrows.
  ...run(0x54, '/*-+', '/*-+'),
  ...run(0x59, '1234567890.', '1234567890.'),
]);

/** The character a key types on a US layout, or undefined for a key that types none. */
export function characterForUsage(usage: number, shifted: boolean): string | undefined {
  const characters = CHARACTERS.get(usage);
  if (characters === undefined) return undefined;
  return shifted ? characters[1] : characters[0];
}

/** Enter and Keypad Enter end a read. */
export function isEnterUsage(usage: number): boolean {
  return usage === ENTER || usage === KEYPAD_ENTER;
}

/** A report with one of these in its key slots says nothing about which keys are down. */
export function isErrorUsage(usage: number): boolean {
  return ERROR_USAGES.has(usage);
}

export function isModifierUsage(usage: number): boolean {
  return usage >= FIRST_MODIFIER_USAGE && usage <= LAST_MODIFIER_USAGE;
}
