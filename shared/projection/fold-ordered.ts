/**
 * The fold proper: events already in total order, each folded once, voided stamps and
 * redemptions skipped. Both the full fold and the refold of a member cluster run it.
 */
import type { LedgerEvent } from '../ledger/envelope';
import { isVoidable } from '../ledger/event-types';
import { emptyViews, type DerivedViews } from './derived-views';
import { foldEvent } from './fold-step';
import type { VoidTargets } from './void-targets';

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
