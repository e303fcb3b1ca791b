/**
 * Runs work once the browser has drawn the next frame: what the user waits for is drawn
 * first, and what can follow a frame later does not hold that frame up. Where no frame
 * comes (a hidden tab), the work runs after a tenth of a second all the same.
 */
const NO_FRAME_MS = 100;

export function afterNextPaint(work: () => void): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    work();
  };
  requestAnimationFrame(() => {
    setTimeout(run, 0);
  });
  setTimeout(run, NO_FRAME_MS);
}
