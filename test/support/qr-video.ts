/**
 * A video file of a QR code for Chromium's fake camera
 * (`--use-file-for-fake-video-capture=FILE.y4m`): the code drawn black on white, in the
 * middle of the frame, in the raw YUV4MPEG2 format (4:2:0), a second long at 10 fps.
 */
import { writeFile } from 'node:fs/promises';
import QRCode from 'qrcode';

const WIDTH = 640;
const HEIGHT = 480;
const FRAMES = 10;

/** The luma plane of one frame: white, with the code's dark modules black. */
function drawQr(text: string): Uint8Array {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 4; // modules of white border the standard asks for
  // About half the frame's height, as a phone held at a comfortable distance.
  const scale = Math.floor(Math.min(WIDTH, HEIGHT) / 2 / (modules.size + 2 * quiet));
  const side = modules.size * scale;
  const left = Math.floor((WIDTH - side) / 2);
  const top = Math.floor((HEIGHT - side) / 2);
  const luma = new Uint8Array(WIDTH * HEIGHT).fill(235);
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue;
      for (let y = 0; y < scale; y++) {
        const start = (top + row * scale + y) * WIDTH + left + col * scale;
        luma.fill(16, start, start + scale);
      }
    }
  }
  return luma;
}

export async function writeQrVideo(path: string, text: string): Promise<void> {
  const luma = drawQr(text);
  const chroma = new Uint8Array((WIDTH / 2) * (HEIGHT / 2)).fill(128);
  const header = Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`);
  const frame = [Buffer.from('FRAME\n'), luma, chroma, chroma];
  await writeFile(
    path,
    Buffer.concat([header, ...Array.from({ length: FRAMES }, () => frame).flat()]),
  );
}
