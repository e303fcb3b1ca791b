/**
 * The total order of the ledger: by `hlc`, then by `id`. Every projection folds in this
 * order, so it is a pure function of the event set, whatever order events arrived in.
 */
export interface Ordered {
  readonly hlc: string;
  readonly id: string;
}

export function compareEvents(a: Ordered, b: Ordered): number {
  if (a.hlc !== b.hlc) return a.hlc < b.hlc ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}

export function isInTotalOrder(events: readonly Ordered[]): boolean {
  for (let i = 1; i < events.length; i++) {
    const previous = events[i - 1];
    const current = events[i];
    if (previous && current && compareEvents(previous, current) > 0) return false;
  }
  return true;
}
