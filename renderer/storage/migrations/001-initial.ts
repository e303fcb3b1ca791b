/**
 * Schema version 1. Migrations are numbered, never edited once released, and import
 * no domain code: a later version adds a file, it does not change this one.
 *
 * Dexie schema syntax: the first entry is the primary key (`&` unique, `[a+b]` compound),
 * the others are indexes (`*` multi-entry).
 */
export const migration001 = {
  version: 1,
  stores: {
    events: 'id, [hlc+id], pending, target',
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
