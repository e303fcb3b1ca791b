/**
 * The fold proper: events already in total order, each folded once, voided stamps and
 * redemptions skipped. Both the full fold and the refold of a member cluster run it.
 */
import type { LedgerEvent } from '../ledger/envelope';
import { emptyViews, type DerivedViews } from './derived-views';
import { foldEvent } from './fold-step';
import type { VoidTargets } from './void-targets';

export const isVoidable = (event: LedgerEvent): boolean =>
  event.type === 'stamps.earned' || event.type === 'reward.redeemed';

export function foldUnlessVoided(
  views: DerivedViews,
  voidTargets: VoidTargets,
  event: LedgerEvent,
): void {
  if (isVoidable(event) && voidTargets.has(event.id)) return;
  foldEvent(views, event);
}

export function foldOrdered(
  ordered: readonly LedgerEvent[],
  voidTargets: VoidTargets,
): DerivedViews {
  const views = emptyViews();
  for (const event of ordered) foldUnlessVoided(views, voidTargets, event);
  return views;
}

/**
 * Drops, in place, the events of an array in total order that repeat the one before
 * them: the same clock and id is the same event delivered twice.
 */
export function dropDuplicates(ordered: LedgerEvent[]): void {
  let kept = 0;
  let previous: LedgerEvent | undefined;
  for (const event of ordered) {
    if (previous?.hlc === event.hlc && previous.id === event.id) continue;
    ordered[kept] = event;
    kept += 1;
    previous = event;
  }
  ordered.length = kept;
}
