/**
 * A video file of a QR code for Chromium's fake camera
 * (`--use-file-for-fake-video-capture=FILE.y4m`): the code black on white, in the middle
 * of the frame, in the raw YUV4MPEG2 format (4:2:0), a second long at 10 fps.
 *
 * The code is drawn with the mask the app draws a member card with (ui/card-qr.ts), and
 * held as a hand holds a card: each frame a little nearer or farther and turned a few
 * degrees. ZXing's JavaScript port (html5-qrcode's decoder) misses some symbols drawn
 * square at one size, always the same ones (docs/decisions/0003-qr-mask-choice.md), and a
 * card code is new in every test run: drawn any other way, a run's card could be one the
 * camera never reads.
 */
import { writeFile } from 'node:fs/promises';
import type { BitMatrix } from 'qrcode';
import { cardQrMask, cardQrSymbol } from '../../renderer/ui/card-qr';

const WIDTH = 640;
const HEIGHT = 480;
const WHITE = 235;
const BLACK = 16;

/** Pixels per module and degrees turned, one pair per frame. */
const HELD: readonly (readonly [number, number])[] = [
  [4.5, 0],
  [5, 3],
  [5.5, -4],
  [6, 6],
  [6.5, -2],
  [7, 9],
  [5, -8],
  [6, 12],
  [4.8, -11],
  [5.8, 2],
];

/** The luma plane of one frame: each pixel takes the module under its centre. */
function drawQr(modules: BitMatrix, moduleSize: number, degrees: number): Uint8Array {
  const half = (modules.size * moduleSize) / 2;
  const cos = Math.cos((degrees * Math.PI) / 180);
  const sin = Math.sin((degrees * Math.PI) / 180);
  const luma = new Uint8Array(WIDTH * HEIGHT);
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) {
      const dx = x + 0.5 - WIDTH / 2;
      const dy = y + 0.5 - HEIGHT / 2;
      const col = Math.floor((cos * dx + sin * dy + half) / moduleSize);
      const row = Math.floor((cos * dy - sin * dx + half) / moduleSize);
      const inside = row >= 0 && col >= 0 && row < modules.size && col < modules.size;
      luma[y * WIDTH + x] = inside && modules.get(row, col) ? BLACK : WHITE;
    }
  }
  return luma;
}

export async function writeQrVideo(path: string, text: string): Promise<void> {
  const { modules } = cardQrSymbol(text, cardQrMask(text));
  const chroma = new Uint8Array((WIDTH / 2) * (HEIGHT / 2)).fill(128);
  const header = Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`);
  const frames = HELD.map(([moduleSize, degrees]) => [
    Buffer.from('FRAME\n'),
    drawQr(modules, moduleSize, degrees),
    chroma,
    chroma,
  ]);
  await writeFile(path, Buffer.concat([header, ...frames.flat()]));
}
