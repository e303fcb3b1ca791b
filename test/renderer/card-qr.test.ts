import type { QRCodeMaskPattern } from 'qrcode';
import { describe, expect, it } from 'vitest';
import { decodeQr } from '../../renderer/scanning/camera-decoder';
import {
  CARD_QR_QUIET_MODULES,
  cardQrMask,
  cardQrSymbol,
  drawSymbol,
} from '../../renderer/ui/card-qr';
import { mulberry32 } from '../bench/prng';

/** A card code that qrcode draws, with its own mask, in a form the decoder never reads. */
const MISSED = 'TREU1:crd_r17rnkhj7xh60wpfd8mab';
/** Sizes the mask was not chosen at (it is checked at 4, 6 and 8 pixels a module). */
const OTHER_SIZES = [3, 5, 7, 10];

function readsAt(text: string, maskPattern: QRCodeMaskPattern | undefined, size: number) {
  const { modules } = cardQrSymbol(text, maskPattern);
  const { luminances, side } = drawSymbol(modules, size, CARD_QR_QUIET_MODULES);
  return decodeQr(luminances, side, side) === text;
}

function randomCardCode(random: () => number): string {
  const symbols = '0123456789abcdefghjkmnpqrstvwxy';
  let body = '';
  for (let i = 0; i < 21; i++) body += symbols.charAt(Math.floor(random() * symbols.length));
  return `TREU1:crd_${body}`;
}

describe('the QR code of a member card', () => {
  it('is drawn with a mask the camera decoder reads where qrcode’s own choice is missed', () => {
    const own = cardQrSymbol(MISSED);
    expect([...OTHER_SIZES, 4, 6, 8].some((size) => readsAt(MISSED, own.maskPattern, size))).toBe(
      false,
    );
    const mask = cardQrMask(MISSED);
    expect(mask).not.toBe(own.maskPattern);
    for (const size of OTHER_SIZES) expect(readsAt(MISSED, mask, size)).toBe(true);
  });

  it('reads at sizes it was not chosen at, for 100 random card codes', () => {
    const random = mulberry32(20261124);
    const unread: string[] = [];
    for (let i = 0; i < 100; i++) {
      const code = randomCardCode(() => random.next());
      const mask = cardQrMask(code);
      if (!OTHER_SIZES.every((size) => readsAt(code, mask, size))) unread.push(code);
    }
    expect(unread).toEqual([]);
  });

  it('keeps qrcode’s own mask when the decoder reads it', () => {
    const code = 'TREU1:crd_0123456789abcdefghjkm';
    const own = cardQrSymbol(code);
    expect([4, 6, 8].every((size) => readsAt(code, own.maskPattern, size))).toBe(true);
    expect(cardQrMask(code)).toBe(own.maskPattern);
  });
});
