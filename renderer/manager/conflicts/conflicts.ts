/**
 * The conflicts a manager resolves: every redemption the projection flagged `overdraft`
 * (two terminals, offline, handed out the same stamps), beside the earlier redemption
 * that spent them first, with both terminals, cashiers and times; and whether a manager
 * has settled it (shared/rules/overdraft-resolution.ts) or cancelled it (a void).
 */
import { hlcWallMs } from '../../../shared/clock';
import type { LedgerEvent } from '../../../shared/ledger/envelope';
import { settledOverdraft } from '../../../shared/rules/overdraft-resolution';
import { readOnly, type TreuDatabase } from '../../storage/database';
import { eventsNaming, voidedAmong } from '../../storage/event-queries';
import type { RedemptionRow } from '../../storage/rows';

export interface Settlement {
  readonly id: string;
  readonly stamps: number;
  readonly staff: string | undefined;
  readonly atMs: number;
}

export interface Conflict {
  readonly overdraft: RedemptionRow;
  /** The redemption before it, in total order, that spent the stamps first. */
  readonly earlier: RedemptionRow | undefined;
  /** The member who holds the account now (after merges). */
  readonly holder: string;
  readonly memberName: string | undefined;
  /** Stamps the member was short: the cost less what the balance still held. */
  readonly shortfall: number;
  readonly settlements: readonly Settlement[];
}

export const isSettled = (conflict: Conflict): boolean => conflict.settlements.length > 0;

/**
 * One conflict from the redemptions of the member's accounts in its program (voided ones
 * are not among them) and the events that name those accounts.
 */
export function conflictOf(
  overdraft: RedemptionRow,
  holder: { readonly id: string; readonly name: string | undefined },
  redemptionsOfMember: readonly RedemptionRow[],
  eventsOfMember: readonly LedgerEvent[],
  /** Ids of events that were voided: a voided settlement settles nothing. */
  voided: ReadonlySet<string>,
): Conflict {
  const earlier = redemptionsOfMember
    .filter((r) => r.program === overdraft.program && r.hlc < overdraft.hlc)
    .sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0))
    .at(-1);
  const settlements = eventsOfMember.flatMap((event) =>
    settledOverdraft(event) === overdraft.id &&
    event.type === 'stamps.earned' &&
    !voided.has(event.id)
      ? [{ id: event.id, stamps: event.data.count, staff: event.staff, atMs: hlcWallMs(event.hlc) }]
      : [],
  );
  return {
    overdraft,
    earlier,
    holder: holder.id,
    memberName: holder.name,
    shortfall: overdraft.cost - Math.max(0, overdraft.balanceBefore),
    settlements,
  };
}

/** Open conflicts first, then the newest first. */
export function inManagerOrder(conflicts: readonly Conflict[]): Conflict[] {
  return [...conflicts].sort(
    (a, b) =>
      Number(isSettled(a)) - Number(isSettled(b)) ||
      (a.overdraft.hlc < b.overdraft.hlc ? 1 : a.overdraft.hlc > b.overdraft.hlc ? -1 : 0),
  );
}

/** The accounts merged into `holder`, and theirs, and `holder` itself. */
async function accountsOf(tx: TreuDatabase, holder: string): Promise<string[]> {
  const accounts = [holder];
  for (let i = 0; i < accounts.length; i++) {
    const merged = await tx.members
      .where('mergedInto')
      .equals(accounts[i] ?? '')
      .primaryKeys();
    accounts.push(...merged.filter((id) => !accounts.includes(id)));
  }
  return accounts;
}

async function holderOf(tx: TreuDatabase, member: string): Promise<string> {
  let current = member;
  for (let hops = 0; hops < 100; hops++) {
    const next = (await tx.members.get(current))?.mergedInto;
    if (next === undefined) return current;
    current = next;
  }
  return current;
}

export function readConflicts(db: TreuDatabase): Promise<Conflict[]> {
  return readOnly(db, async (tx) => {
    const overdrafts = await tx.redemptions.filter((r) => r.overdraft).toArray();
    const conflicts: Conflict[] = [];
    for (const overdraft of overdrafts) {
      const holder = await holderOf(tx, overdraft.member);
      const accounts = await accountsOf(tx, holder);
      const redemptions = await tx.redemptions.where('member').anyOf(accounts).toArray();
      const events = (await Promise.all(accounts.map((id) => eventsNaming(tx, id)))).flat();
      const name = (await tx.members.get(holder))?.name;
      const settling = events.filter((event) => settledOverdraft(event) === overdraft.id);
      const voided = new Set(
        await voidedAmong(
          tx,
          settling.map((event) => event.id),
        ),
      );
      conflicts.push(conflictOf(overdraft, { id: holder, name }, redemptions, events, voided));
    }
    return inManagerOrder(conflicts);
  });
}
