/**
 * Short tones for the counter, made with Web Audio (no sound files): a rising pair for
 * "done", a low double tone for "refused". A browser may hold audio back until the page
 * has been touched once; then the visual confirmation stands alone.
 */
let audio: AudioContext | undefined;

function tone(context: AudioContext, frequency: number, startS: number, lengthS: number): void {
  const oscillator = context.createOscillator();
  const gain = context.createGain();
  oscillator.frequency.value = frequency;
  gain.gain.setValueAtTime(0.0001, context.currentTime + startS);
  gain.gain.exponentialRampToValueAtTime(0.25, context.currentTime + startS + 0.01);
  gain.gain.exponentialRampToValueAtTime(0.0001, context.currentTime + startS + lengthS);
  oscillator.connect(gain).connect(context.destination);
  oscillator.start(context.currentTime + startS);
  oscillator.stop(context.currentTime + startS + lengthS + 0.02);
}

function play(notes: readonly [number, number, number][]): void {
  try {
    audio ??= new AudioContext();
    if (audio.state === 'suspended') void audio.resume();
    for (const [frequency, start, length] of notes) tone(audio, frequency, start, length);
  } catch {
    // No audio output, or the browser refused it: the screen still says what happened.
  }
}

export const playDone = () => {
  play([
    [880, 0, 0.09],
    [1320, 0.1, 0.12],
  ]);
};

export const playRefused = () => {
  play([
    [220, 0, 0.16],
    [220, 0.22, 0.16],
  ]);
};
