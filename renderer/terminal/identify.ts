/**
 * From a scan to a member: a QR payload (`TREU1:crd_…`), a card number typed by hand,
 * or the value an NFC or barcode reader typed. Every way it can fail has a code the
 * screen words for the cashier; nothing is written.
 */
import {
  parseCardCode,
  readerCardId,
  type CardCodeError,
  type CardKind,
} from '../../shared/card-code';
import { err, ok, type Result } from '../../shared/result';
import { readOnly, type TreuDatabase } from '../storage/database';
import type { CardRow } from '../storage/rows';
import type { DerivedViews } from '../../shared/projection/derived-views';
import { loadViews } from '../storage/stored-views';
import { memberDetailsIn, type MemberDetails } from './member-reads';

export type IdentifyError =
  | CardCodeError
  | { readonly code: 'unknown_card'; readonly card: string }
  | { readonly code: 'card_blocked'; readonly card: string }
  | { readonly code: 'member_erased' };

export interface Identified extends MemberDetails {
  readonly card: CardRow;
  /**
   * The views read to identify the member (the member, whoever it was merged into, their
   * cards and balances, every program): an action right after the scan decides on them.
   */
  readonly views: DerivedViews;
}

/** An NFC UID as readers often type it: hex pairs with `:` or `-` between them. */
const SEPARATED_UID = /^\s*([0-9a-f]{2}[:-])+[0-9a-f]{2}\s*$/iu;

/** A QR payload or a typed card number: `TREU1:…`, any other `scheme:…`, or `crd_…`. */
const looksLikeQrPayload = (text: string) =>
  !SEPARATED_UID.test(text) && (text.includes(':') || /^\s*crd_/iu.test(text));

/** The card ids a scanned text can stand for: a QR card, or an NFC or barcode card. */
export function cardIdsOf(scanned: string): Result<string[], CardCodeError> {
  if (looksLikeQrPayload(scanned)) {
    const card = parseCardCode(scanned);
    return card.ok ? ok([card.value]) : card;
  }
  const nfc = readerCardId('nfc', scanned);
  const barcode = readerCardId('barcode', scanned);
  if (!nfc.ok) return nfc;
  return ok(barcode.ok ? [nfc.value, barcode.value] : [nfc.value]);
}

/** A card scanned to be linked: a printed Treu QR card, or an NFC or barcode card of the given kind. */
export function newCardFromScan(
  scanned: string,
  readerKind: Exclude<CardKind, 'qr'>,
): Result<{ readonly id: string; readonly kind: CardKind }, CardCodeError> {
  if (looksLikeQrPayload(scanned)) {
    const card = parseCardCode(scanned);
    return card.ok ? ok({ id: card.value, kind: 'qr' }) : card;
  }
  const card = readerCardId(readerKind, scanned);
  return card.ok ? ok({ id: card.value, kind: readerKind }) : card;
}

export async function identify(
  db: TreuDatabase,
  scanned: string,
): Promise<Result<Identified, IdentifyError>> {
  const ids = cardIdsOf(scanned);
  if (!ids.ok) return ids;
  return readOnly(db, (tx) => identifyCard(tx, ids.value, scanned));
}

async function identifyCard(
  db: TreuDatabase,
  ids: readonly string[],
  scanned: string,
): Promise<Result<Identified, IdentifyError>> {
  const cards = (await db.cards.bulkGet([...ids])).flatMap((card) => (card ? [card] : []));
  const card = cards[0];
  if (!card) return err({ code: 'unknown_card', card: ids[0] ?? scanned.trim() });
  if (card.blocked) return err({ code: 'card_blocked', card: card.id });
  const views = await loadViews(db, { members: [card.member], cards: [card.id] });
  const details = memberDetailsIn(views, card.member);
  if (!details) return err({ code: 'unknown_card', card: card.id });
  if (details.member.erased) return err({ code: 'member_erased' });
  return ok({ ...details, card, views });
}
