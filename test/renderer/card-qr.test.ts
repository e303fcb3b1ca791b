import type { QRCodeMaskPattern } from 'qrcode';
import { describe, expect, it } from 'vitest';
import { decodeQr } from '../../renderer/scanning/camera-decoder';
import {
  CARD_QR_CHECKED_MODULE_SIZES,
  CARD_QR_QUIET_MODULES,
  cardQrMask,
  cardQrSymbol,
  drawSymbol,
} from '../../renderer/ui/card-qr';
import { cardCodeFor } from '../../shared/card-code';
import { randomQrCardId } from '../bench/ledger-generator';
import { mulberry32 } from '../bench/prng';

/** A card code that qrcode draws, with its own mask, in a form the decoder never reads. */
const MISSED = 'TREU1:crd_r17rnkhj7xh60wpfd8mab';
/** Sizes the mask was not chosen at (CARD_QR_CHECKED_MODULE_SIZES). */
const OTHER_SIZES = [5, 7, 9, 12];

function readsAt(text: string, maskPattern: QRCodeMaskPattern | undefined, size: number) {
  const { modules } = cardQrSymbol(text, maskPattern);
  const { luminances, side } = drawSymbol(modules, size, CARD_QR_QUIET_MODULES);
  return decodeQr(luminances, side, side) === text;
}

describe('the QR code of a member card', () => {
  it('is drawn with a mask the camera decoder reads where qrcode’s own choice is missed', () => {
    const own = cardQrSymbol(MISSED);
    expect(
      [...OTHER_SIZES, ...CARD_QR_CHECKED_MODULE_SIZES].some((size) =>
        readsAt(MISSED, own.maskPattern, size),
      ),
    ).toBe(false);
    const mask = cardQrMask(MISSED);
    expect(mask).not.toBe(own.maskPattern);
    for (const size of OTHER_SIZES) expect(readsAt(MISSED, mask, size)).toBe(true);
  });

  it('reads at sizes it was not chosen at, for 100 random card ids made as the app makes them', () => {
    const random = mulberry32(20261124);
    const unread: string[] = [];
    for (let i = 0; i < 100; i++) {
      const code = cardCodeFor(randomQrCardId(random));
      const mask = cardQrMask(code);
      if (!OTHER_SIZES.every((size) => readsAt(code, mask, size))) unread.push(code);
    }
    expect(unread).toEqual([]);
  });

  it('keeps qrcode’s own mask when the decoder reads it', () => {
    const code = 'TREU1:crd_0123456789abcdefghjkm';
    const own = cardQrSymbol(code);
    expect(CARD_QR_CHECKED_MODULE_SIZES.every((size) => readsAt(code, own.maskPattern, size))).toBe(
      true,
    );
    expect(cardQrMask(code)).toBe(own.maskPattern);
  });
});
