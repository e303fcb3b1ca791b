/**
 * Debian's Chromium for browser tests (Playwright cannot download its own here). Tests
 * that need it check `CHROMIUM_AVAILABLE` and, without it, skip and say why.
 */
import { existsSync } from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_AVAILABLE = existsSync(CHROMIUM);

/** Flags for a headless Chromium on a machine with no network but loopback. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A fake camera that shows the given video (YUV4MPEG2), allowed without asking. */
export const fakeCameraArgs = (videoPath: string) => [
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  `--use-file-for-fake-video-capture=${videoPath}`,
];

export function warnSkipped(file: string): void {
  console.warn(
    `${file}: SKIPPED, ${CHROMIUM} does not exist. Install it (apt-get install -y chromium) to run the browser tests.`,
  );
}
