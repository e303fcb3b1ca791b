/**
 * The QR decoder behind the camera scanner: html5-qrcode decodes with ZXing's JavaScript
 * port, which it bundles. Here it answers whether a picture reads, so that member cards
 * are drawn in a form the camera reads (ui/card-qr.ts). The bundle's type declarations
 * leave out the classes used here; they are described below.
 */
import * as bundled from 'html5-qrcode/third_party/zxing-js.umd';

interface ZxingPort {
  readonly MultiFormatReader: new () => {
    setHints(hints: Map<number, unknown>): void;
    decode(bitmap: unknown): { getText(): string };
  };
  readonly BinaryBitmap: new (binarizer: unknown) => unknown;
  readonly HybridBinarizer: new (source: unknown) => unknown;
  readonly RGBLuminanceSource: new (
    luminances: Uint8ClampedArray,
    width: number,
    height: number,
  ) => unknown;
  readonly DecodeHintType: { readonly POSSIBLE_FORMATS: number };
  readonly BarcodeFormat: { readonly QR_CODE: number };
}

const zxing = bundled as unknown as ZxingPort;

/** The text of the QR code the camera's decoder finds in a grey picture, if it finds one. */
export function decodeQr(
  luminances: Uint8ClampedArray,
  width: number,
  height: number,
): string | undefined {
  const reader = new zxing.MultiFormatReader();
  reader.setHints(
    new Map([[zxing.DecodeHintType.POSSIBLE_FORMATS, [zxing.BarcodeFormat.QR_CODE]]]),
  );
  const source = new zxing.RGBLuminanceSource(luminances, width, height);
  try {
    return reader.decode(new zxing.BinaryBitmap(new zxing.HybridBinarizer(source))).getText();
  } catch {
    // ZXing throws when it finds no code: for this question that is the answer, not a fault.
    return undefined;
  }
}
