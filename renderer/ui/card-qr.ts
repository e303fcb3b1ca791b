/**
 * How a member card's QR code is drawn: error correction M, a quiet zone of two modules,
 * and the first of the symbol's eight masks (qrcode's own choice first) that the camera
 * scanner's decoder reads square-on at 3, 4, 6, 8 and 10 pixels a module. ZXing's
 * JavaScript port misses some symbols held square to the camera, always the same ones
 * (zxing-js/library#653), and with qrcode's choice of mask alone some cards would never
 * read by camera. Checked at these five sizes, the chosen masks read at the sizes between
 * and around them too (the test checks 5, 7, 9 and 12). Choosing takes about 3 ms, when a
 * card is drawn, never when one is scanned. The figures:
 * docs/decisions/0003-qr-mask-choice.md.
 */
import QRCode, { type BitMatrix, type QRCodeMaskPattern } from 'qrcode';
import { decodeQr } from '../scanning/camera-decoder';

export const CARD_QR_ERROR_CORRECTION = 'M';
export const CARD_QR_QUIET_MODULES = 2;
/** Pixels per module the choice is checked at: a card held near, and farther away. */
export const CARD_QR_CHECKED_MODULE_SIZES: readonly number[] = [3, 4, 6, 8, 10];
const MASKS: readonly QRCodeMaskPattern[] = [0, 1, 2, 3, 4, 5, 6, 7];

/** The symbol drawn black on white, square, `moduleSize` pixels a module. */
export function drawSymbol(
  modules: BitMatrix,
  moduleSize: number,
  quietModules: number,
): { luminances: Uint8ClampedArray; side: number } {
  const side = (modules.size + 2 * quietModules) * moduleSize;
  const luminances = new Uint8ClampedArray(side * side).fill(255);
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue;
      const left = (col + quietModules) * moduleSize;
      for (let y = 0; y < moduleSize; y++) {
        const start = ((row + quietModules) * moduleSize + y) * side + left;
        luminances.fill(0, start, start + moduleSize);
      }
    }
  }
  return { luminances, side };
}

/** A card code's QR symbol as cards draw it: with `maskPattern`, or qrcode's own choice. */
export const cardQrSymbol = (text: string, maskPattern?: QRCodeMaskPattern) =>
  QRCode.create(text, { errorCorrectionLevel: CARD_QR_ERROR_CORRECTION, maskPattern });

function readsSquareOn(text: string, modules: BitMatrix): boolean {
  return CARD_QR_CHECKED_MODULE_SIZES.every((moduleSize) => {
    const { luminances, side } = drawSymbol(modules, moduleSize, CARD_QR_QUIET_MODULES);
    return decodeQr(luminances, side, side) === text;
  });
}

/** The mask to draw a card code's QR with; qrcode's own choice when no mask reads. */
export function cardQrMask(text: string): QRCodeMaskPattern | undefined {
  const own = cardQrSymbol(text);
  if (readsSquareOn(text, own.modules)) return own.maskPattern;
  const readable = MASKS.find(
    (mask) => mask !== own.maskPattern && readsSquareOn(text, cardQrSymbol(text, mask).modules),
  );
  return readable ?? own.maskPattern;
}
