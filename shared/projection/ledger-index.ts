/**
 * Where to find a stamp or redemption by id, and the events that concern a member or a
 * card: what a refold of one member cluster reads instead of the whole ledger (see
 * member-cluster.ts). The full fold never builds it; the incremental fold builds it for
 * the first batch with an event that arrives out of order or a void of an event outside
 * the batch, and keeps it up to date from then on. It costs memory: for a million events,
 * a map of the stamp and redemption ids and a list of events per member.
 */
import type { LedgerEvent } from '../ledger/envelope';
import { isVoidable } from '../ledger/event-types';

export interface LedgerIndex {
  /** Stamps and redemptions by id: the events a void can undo. */
  readonly voidableById: Map<string, LedgerEvent>;
  /** Events that name the member: profile, merges, links, stamps, redemptions. */
  readonly byMember: Map<string, LedgerEvent[]>;
  /** `card.linked` and `card.blocked` events of the card. */
  readonly byCard: Map<string, LedgerEvent[]>;
  /** Every `program.published`: each cluster's refold needs the programs as they were. */
  readonly programs: LedgerEvent[];
}

/** The members an event names, each of whose views it may change. */
export function membersNamedBy(event: LedgerEvent): readonly string[] {
  switch (event.type) {
    case 'member.merged':
      return [event.data.from, event.data.into];
    case 'member.enrolled':
    case 'member.updated':
    case 'member.erased':
    case 'card.linked':
    case 'stamps.earned':
    case 'reward.redeemed':
      return [event.data.member];
    case 'card.blocked':
    case 'program.published':
    case 'event.voided':
    case 'feedback.given':
    case 'day.closed':
      return [];
  }
}

/** The card whose ownership or state an event changes. */
export function cardChangedBy(event: LedgerEvent): string | undefined {
  return event.type === 'card.linked' || event.type === 'card.blocked'
    ? event.data.card
    : undefined;
}

function append(map: Map<string, LedgerEvent[]>, key: string, event: LedgerEvent): void {
  const list = map.get(key);
  if (list) list.push(event);
  else map.set(key, [event]);
}

export function indexEvent(index: LedgerIndex, event: LedgerEvent): void {
  if (isVoidable(event)) index.voidableById.set(event.id, event);
  if (event.type === 'program.published') index.programs.push(event);
  for (const member of membersNamedBy(event)) append(index.byMember, member, event);
  const card = cardChangedBy(event);
  if (card !== undefined) append(index.byCard, card, event);
}

export function buildIndex(events: Iterable<LedgerEvent>): LedgerIndex {
  const index: LedgerIndex = {
    voidableById: new Map(),
    byMember: new Map(),
    byCard: new Map(),
    programs: [],
  };
  for (const event of events) indexEvent(index, event);
  return index;
}
