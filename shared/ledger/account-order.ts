/**
 * Account order: a second order of the ledger, for folding it whole. Every event that
 * changes one member's account (enrolment, profile, erasure, card link, stamps,
 * redemptions) belongs to that member; the rest (programs, voids, merges, card blocks,
 * feedback, day-end records) belong to no account. In account order, the events of no
 * account come first, then each account's events, one account after another; each part
 * in total order.
 *
 * A store that keeps an index by account and clock reads a ledger in this order at no
 * cost, and a fold that meets each member's events together finds that member's views in
 * cache instead of searching memory for them at every event (fold-by-account.ts).
 */
import { assertNever } from '../result';
import type { LedgerEvent } from './envelope';
import { inTotalOrder } from './order';

/** The member whose account `event` changes; undefined for events of no account. */
export function accountOf(event: LedgerEvent): string | undefined {
  switch (event.type) {
    case 'member.enrolled':
    case 'member.updated':
    case 'member.erased':
    case 'card.linked':
    case 'stamps.earned':
    case 'reward.redeemed':
      return event.data.member;
    case 'member.merged':
    case 'card.blocked':
    case 'program.published':
    case 'event.voided':
    case 'feedback.given':
    case 'day.closed':
      return undefined;
    default:
      return assertNever(event);
  }
}

/** `events` in account order, accounts by id (as an index by account and clock has them). */
export function inAccountOrder(events: readonly LedgerEvent[]): LedgerEvent[] {
  const ordered = inTotalOrder([...events]);
  const accounts = ordered.map(accountOf);
  const positions = ordered.map((_, i) => i);
  positions.sort((a, b) => {
    const accountA = accounts[a];
    const accountB = accounts[b];
    if (accountA === accountB) return a - b;
    if (accountA === undefined) return -1;
    if (accountB === undefined) return 1;
    return accountA < accountB ? -1 : 1;
  });
  return positions.map((i) => ordered[i] as LedgerEvent);
}
