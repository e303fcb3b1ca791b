/**
 * The least any fold of a ledger does: find the member and the card each event names
 * among all of them. The ledger bench times this alone, with nothing folded, to show how
 * far a fold over string ids can go on the machine it runs on.
 */
import type { LedgerEvent } from '../../shared/ledger/envelope';
import { keptId } from '../../shared/projection/derived-views';

export interface IdMaps {
  readonly members: Map<string, { readonly id: string }>;
  readonly cards: Map<string, { readonly id: string }>;
}

/** Every enrolled member and linked card, keyed the way the fold keys them. */
export function idMapsOf(events: readonly LedgerEvent[]): IdMaps {
  const maps: IdMaps = { members: new Map(), cards: new Map() };
  for (const event of events) {
    if (event.type === 'member.enrolled') {
      const id = keptId(event.data.member);
      maps.members.set(id, { id });
    } else if (event.type === 'card.linked') {
      const id = keptId(event.data.card);
      maps.cards.set(id, { id });
    }
  }
  return maps;
}

function named(data: object, field: 'member' | 'card'): string | undefined {
  const value = (data as Partial<Record<typeof field, unknown>>)[field];
  return typeof value === 'string' ? value : undefined;
}

/** Looks up each event's member and card; returns how many were found. */
export function lookUpMembersAndCards(events: readonly LedgerEvent[], maps: IdMaps): number {
  let found = 0;
  for (const { data } of events) {
    const member = named(data, 'member');
    if (member !== undefined && maps.members.get(member) !== undefined) found += 1;
    const card = named(data, 'card');
    if (card !== undefined && maps.cards.get(card) !== undefined) found += 1;
  }
  return found;
}
