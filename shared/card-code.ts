/**
 * Card codes printed as QR (`TREU1:<card id>`) and the ids of NFC and barcode cards.
 *
 * A QR card id is `crd_` + 20 random symbols + 1 check symbol over a 31-symbol alphabet
 * (Crockford base32 without `z`). 20 symbols carry 99 random bits. The check symbol is
 * the position-weighted sum Σ (i+1)·vᵢ mod 31. Because 31 is prime and every weight and
 * every difference of two weights lies in 1..30, any single wrong symbol and any swap of
 * two symbols changes the sum: a one-character misread or swap is always caught.
 *
 * Reading is forgiving where it is safe: case is ignored, and `o` reads as `0` and `i`,
 * `l` as `1`, the usual misreadings of printed codes.
 */
import { ID_PREFIXES, randomSymbols } from './ids';
import { err, ok, type Result } from './result';

export const CARD_CODE_SCHEME = 'TREU1';
export const CARD_ALPHABET = '0123456789abcdefghjkmnpqrstvwxy';
const BODY_LENGTH = 20;
const CARD_PREFIX = `${ID_PREFIXES.card}_`;
/** The body and check symbol of a QR card id, after normalisation. */
const CARD_SYMBOLS = new RegExp(`^[${CARD_ALPHABET}]{${BODY_LENGTH + 1}}$`);

export type CardKind = 'qr' | 'nfc' | 'barcode';

export type CardCodeError =
  | { code: 'not_a_treu_code'; message: string }
  | { code: 'unknown_version'; message: string }
  | { code: 'malformed_card_code'; message: string }
  | { code: 'check_failed'; message: string };

function checkSymbol(body: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const value = CARD_ALPHABET.indexOf(body.charAt(i));
    if (value < 0) return undefined;
    sum += (i + 1) * value;
  }
  return CARD_ALPHABET[sum % CARD_ALPHABET.length];
}

/**
 * The QR card id with this body (20 symbols of the card alphabet) and its check symbol;
 * undefined for any other body. Seeded test and demo data make card ids with it.
 */
export function qrCardIdFor(body: string): string | undefined {
  if (body.length !== BODY_LENGTH) return undefined;
  const check = checkSymbol(body);
  return check === undefined ? undefined : `${CARD_PREFIX}${body}${check}`;
}

/** A new QR card id with its check symbol. */
export function newCardId(): string {
  const body = randomSymbols(CARD_ALPHABET, BODY_LENGTH);
  return `${CARD_PREFIX}${body}${checkSymbol(body) ?? ''}`;
}

/** The text a QR code carries for a card. */
export function cardCodeFor(cardId: string): string {
  return `${CARD_CODE_SCHEME}:${cardId}`;
}

const normaliseSymbols = (text: string): string =>
  text.toLowerCase().replace(/o/g, '0').replace(/[il]/g, '1');

/** Whether a card id is a well-formed QR card id whose check symbol matches. */
export function isValidQrCardId(cardId: string): boolean {
  return parseQrCardId(cardId).ok;
}

function parseQrCardId(raw: string): Result<string, CardCodeError> {
  const text = raw.trim();
  if (!text.toLowerCase().startsWith(CARD_PREFIX)) {
    return err({
      code: 'malformed_card_code',
      message: `This is not a Treu card number: it should start with "${CARD_PREFIX}".`,
    });
  }
  const symbols = normaliseSymbols(text.slice(CARD_PREFIX.length));
  if (!CARD_SYMBOLS.test(symbols)) {
    return err({
      code: 'malformed_card_code',
      message: `The card number has the wrong length or characters: ${BODY_LENGTH + 1} letters and digits are expected after "${CARD_PREFIX}". Scan the card again.`,
    });
  }
  const body = symbols.slice(0, BODY_LENGTH);
  if (checkSymbol(body) !== symbols.charAt(BODY_LENGTH)) {
    return err({
      code: 'check_failed',
      message: 'The card number did not read correctly (check digit mismatch). Scan it again.',
    });
  }
  return ok(`${CARD_PREFIX}${symbols}`);
}

/**
 * Reads a scanned QR payload (`TREU1:crd_…`) into a card id, or says in words why not.
 * A bare card id (typed by hand) is accepted too.
 */
export function parseCardCode(scanned: string): Result<string, CardCodeError> {
  const text = scanned.trim();
  const colon = text.indexOf(':');
  // A typed card number with a stray `:` is a misread card number, not another kind of code.
  if (colon < 0 || text.toLowerCase().startsWith(CARD_PREFIX)) return parseQrCardId(text);
  const scheme = text.slice(0, colon).toUpperCase();
  if (!scheme.startsWith('TREU')) {
    return err({
      code: 'not_a_treu_code',
      message: 'This code is not a Treu member card.',
    });
  }
  if (scheme !== CARD_CODE_SCHEME) {
    return err({
      code: 'unknown_version',
      message: `This card uses a newer format (${scheme}) than this terminal knows. Update the terminal.`,
    });
  }
  return parseQrCardId(text.slice(colon + 1));
}

/**
 * The card id for an NFC UID or a printed barcode: `crd_nfc-<uid>` / `crd_bc-<value>`,
 * lower case, letters and digits only, so the same card reads the same on every reader.
 */
export function readerCardId(
  kind: Exclude<CardKind, 'qr'>,
  raw: string,
): Result<string, CardCodeError> {
  const value = raw
    .trim()
    .toLowerCase()
    .replace(/[\s:-]/g, '');
  if (!/^[0-9a-z]{4,56}$/.test(value)) {
    return err({
      code: 'malformed_card_code',
      message:
        'The card reader sent something that is not a card number (4 to 56 letters or digits). Try the card again.',
    });
  }
  return ok(`${CARD_PREFIX}${kind === 'nfc' ? 'nfc' : 'bc'}-${value}`);
}
