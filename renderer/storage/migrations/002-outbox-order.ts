/**
 * Schema version 2: the outbox in clock order (`[pending+hlc]`), so a push sends the
 * terminal's oldest unacknowledged events first and the server's contiguous `seq` moves
 * on with every batch. Dexie keeps the rows; it only adds the index.
 */
export const migration002 = {
  version: 2,
  stores: {
    events: 'id, [hlc+id], pending, target, [pending+hlc]',
    eventRefs: '[ref+hlc+id]',
    members: 'id, *search, enrolledHlc, mergedInto',
    cards: 'id, member',
    balances: '[member+program], member',
    redemptions: 'id, member',
    programs: 'id',
    staff: 'id, role',
    meta: 'key',
  },
} as const;
