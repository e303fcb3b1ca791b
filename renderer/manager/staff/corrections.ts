/**
 * The audit of corrections, per member of staff: every void (a cashier's undo or a
 * manager's correction) and every stamp adjustment, with what it changed, so a manager
 * can see who corrects how often and what. Taken from the ledger, which nobody edits.
 */
import { Dexie } from 'dexie';
import { hlcWallMs } from '../../../shared/clock';
import type { LedgerEvent } from '../../../shared/ledger/envelope';
import type { TreuDatabase } from '../../storage/database';

export interface Correction {
  readonly id: string;
  readonly atMs: number;
  readonly kind: 'void' | 'adjustment';
  /** The member it concerns, when that is known. */
  readonly member: string | undefined;
  /** Stamps added (positive) or taken (negative): the adjustment, or what the void undid. */
  readonly stamps: number;
  /** With a void: what it undid. */
  readonly undid: 'stamps' | 'redemption' | 'unknown' | undefined;
  readonly reason: 'cashier_undo' | 'manager_correction' | 'adjustment';
}

export interface StaffCorrections {
  readonly staff: string;
  readonly voids: number;
  readonly adjustments: number;
  /** Newest first. */
  readonly items: readonly Correction[];
}

function correctionOf(
  event: LedgerEvent,
  targets: ReadonlyMap<string, LedgerEvent>,
): Correction | undefined {
  const atMs = hlcWallMs(event.hlc);
  if (event.type === 'stamps.earned' && event.data.reason === 'adjustment') {
    return {
      id: event.id,
      atMs,
      kind: 'adjustment',
      member: event.data.member,
      stamps: event.data.count,
      undid: undefined,
      reason: 'adjustment',
    };
  }
  if (event.type !== 'event.voided') return undefined;
  const target = targets.get(event.data.target);
  const base = { id: event.id, atMs, kind: 'void' as const, reason: event.data.reason };
  if (target?.type === 'stamps.earned')
    return { ...base, member: target.data.member, stamps: -target.data.count, undid: 'stamps' };
  if (target?.type === 'reward.redeemed')
    return { ...base, member: target.data.member, stamps: target.data.cost, undid: 'redemption' };
  return { ...base, member: undefined, stamps: 0, undid: 'unknown' };
}

/** Per member of staff who made any, most corrections first. */
export function correctionsByStaff(
  events: readonly LedgerEvent[],
  targets: ReadonlyMap<string, LedgerEvent>,
): StaffCorrections[] {
  const byStaff = new Map<string, Correction[]>();
  for (const event of events) {
    const correction = correctionOf(event, targets);
    if (!correction) continue;
    const staff = event.staff ?? '';
    byStaff.set(staff, [...(byStaff.get(staff) ?? []), correction]);
  }
  return [...byStaff]
    .map(([staff, items]) => ({
      staff,
      voids: items.filter((item) => item.kind === 'void').length,
      adjustments: items.filter((item) => item.kind === 'adjustment').length,
      items: [...items].sort((a, b) => b.atMs - a.atMs),
    }))
    .sort((a, b) => b.items.length - a.items.length || a.staff.localeCompare(b.staff));
}

/** The corrections made since `sinceMs` (by the events' clocks), on every terminal synced here. */
export async function readCorrections(
  db: TreuDatabase,
  sinceMs: number,
): Promise<StaffCorrections[]> {
  const from = String(Math.max(0, sinceMs)).padStart(15, '0');
  const rows = await db.events
    .where('[hlc+id]')
    .between([from, Dexie.minKey], [Dexie.maxKey, Dexie.maxKey])
    .filter(
      (row) =>
        row.event.type === 'event.voided' ||
        (row.event.type === 'stamps.earned' && row.event.data.reason === 'adjustment'),
    )
    .toArray();
  const events = rows.map((row) => row.event);
  const targetIds = events.flatMap((event) =>
    event.type === 'event.voided' ? [event.data.target] : [],
  );
  const targetRows = await db.events.bulkGet(targetIds);
  const targets = new Map<string, LedgerEvent>();
  for (const row of targetRows) if (row) targets.set(row.id, row.event);
  return correctionsByStaff(events, targets);
}
