/** Exponential backoff with jitter: half the delay fixed, half random ("equal jitter"). */
export function retryDelayMs(
  failures: number,
  random: () => number,
  retryMs = 2_000,
  maxRetryMs = 5 * 60_000,
): number {
  const ceiling = Math.min(maxRetryMs, retryMs * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
