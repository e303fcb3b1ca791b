/**
 * Schema version 3: the staff audit (who added, removed, re-PINned or re-roled whom, and
 * when). Staff are the terminal's configuration, not ledger events, but a change to them
 * is written down (docs/architecture.md, The staff list). Dexie keeps the other tables'
 * rows.
 */
export const migration003 = {
  version: 3,
  stores: {
    events: 'id, [hlc+id], pending, target, [pending+hlc]',
    eventRefs: '[ref+hlc+id]',
    members: 'id, *search, enrolledHlc, mergedInto',
    cards: 'id, member',
    balances: '[member+program], member',
    redemptions: 'id, member',
    programs: 'id',
    staff: 'id, role',
    staffAudit: '++seq, atMs',
    meta: 'key',
  },
} as const;
