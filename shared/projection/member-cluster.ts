/**
 * Refolding a member cluster instead of the whole ledger.
 *
 * A member cluster is a set of members joined by merges and by linking the same card.
 * Everything the fold derives about a member (profile, cards, balances, redemptions and
 * their overdraft flags, card cooldowns) depends only on the events that name a member
 * of its cluster, the blocks of the cluster's cards, and the programs: a merge only
 * joins members of one cluster, a card belongs to the first member that linked it, and
 * a stamp counts towards a card's cooldown only when its account holds the card (see
 * fold-step.ts). So when an event arrives out of order, or a void undoes an event
 * already folded, folding just those events again in total order gives the cluster's
 * views exactly as a full fold would, and the rest of the views stay as they are.
 */
import { inTotalOrder } from '../ledger/order';
import type { LedgerEvent } from '../ledger/envelope';
import type { DerivedViews } from './derived-views';
import { foldOrdered } from './fold-ordered';
import type { LedgerIndex } from './ledger-index';
import { cardChangedBy, membersNamedBy } from './ledger-index';
import type { VoidTargets } from './void-targets';

export interface MemberCluster {
  readonly members: ReadonlySet<string>;
  readonly cards: ReadonlySet<string>;
  /** The events of the cluster, without the programs, in no particular order. */
  readonly events: ReadonlySet<LedgerEvent>;
}

/** The cluster of the given members and cards (the union, when they lie in several). */
export function clusterOf(
  index: LedgerIndex,
  seeds: { readonly members: Iterable<string>; readonly cards: Iterable<string> },
): MemberCluster {
  const members = new Set<string>();
  const cards = new Set<string>();
  const events = new Set<LedgerEvent>();
  const memberQueue = [...seeds.members];
  const cardQueue = [...seeds.cards];
  while (memberQueue.length > 0 || cardQueue.length > 0) {
    const member = memberQueue.pop();
    if (member !== undefined && !members.has(member)) {
      members.add(member);
      for (const event of index.byMember.get(member) ?? []) {
        events.add(event);
        memberQueue.push(...membersNamedBy(event));
        const card = cardChangedBy(event);
        if (card !== undefined) cardQueue.push(card);
      }
    }
    const card = cardQueue.pop();
    if (card !== undefined && !cards.has(card)) {
      cards.add(card);
      for (const event of index.byCard.get(card) ?? []) {
        events.add(event);
        memberQueue.push(...membersNamedBy(event));
      }
    }
  }
  return { members, cards, events };
}

/** Whether the event changes a view that belongs to the cluster. */
export function touchesCluster(cluster: MemberCluster, event: LedgerEvent): boolean {
  const card = cardChangedBy(event);
  if (card !== undefined && cluster.cards.has(card)) return true;
  return membersNamedBy(event).some((member) => cluster.members.has(member));
}

/** Folds the cluster's events again and puts the result in place of its old views. */
export function refoldCluster(
  views: DerivedViews,
  index: LedgerIndex,
  voidTargets: VoidTargets,
  cluster: MemberCluster,
): void {
  const events = inTotalOrder([...cluster.events, ...index.programs]);
  const refolded = foldOrdered(events, voidTargets);
  for (const member of cluster.members) {
    const view = refolded.members.get(member);
    if (view) views.members.set(member, view);
    else views.members.delete(member);
  }
  for (const card of cluster.cards) {
    const view = refolded.cards.get(card);
    if (view) views.cards.set(card, view);
    else views.cards.delete(card);
  }
  for (const event of cluster.events) {
    if (event.type !== 'reward.redeemed') continue;
    const view = refolded.redemptions.get(event.id);
    if (view) views.redemptions.set(event.id, view);
    else views.redemptions.delete(event.id);
  }
}
