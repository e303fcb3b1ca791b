/**
 * Schema version 5: two indexes no query needs any more. A member's balances are a range
 * of the balances' own key `[member+program]`, and no one looks cards up by member (the
 * member's row lists its cards). Every stamp wrote an entry into both, at a place in
 * the index as random as the member: with a million events, such a write costs the
 * counter about a millisecond. Dexie keeps the rows.
 */
export const migration005 = {
  version: 5,
  stores: {
    events: 'id, [hlc+id], pending, target, [pending+hlc]',
    eventRefs: '[ref+hlc+id]',
    members: 'id, *search, enrolledHlc, mergedInto',
    cards: 'id',
    balances: '[member+program]',
    redemptions: 'id, member',
    programs: 'id',
    staff: 'id, role, pending',
    staffLog: 'id, atMs, pending',
    meta: 'key',
  },
} as const;
