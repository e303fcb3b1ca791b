/**
 * Refolding member clusters in the stored projection: the IndexedDB form of
 * shared/projection/member-cluster.ts. The cluster's events are read from the event
 * references, folded again with the shared fold, and put in place of the cluster's rows.
 */
import { inTotalOrder } from '../../shared/ledger/order';
import type { LedgerEvent } from '../../shared/ledger/envelope';
import { foldOrdered } from '../../shared/projection/fold-ordered';
import { buildIndex, indexEvent } from '../../shared/projection/ledger-index';
import { clusterOf, type MemberCluster } from '../../shared/projection/member-cluster';
import { createVoidTargets } from '../../shared/projection/void-targets';
import type { TreuDatabase } from './database';
import { eventsNaming, programEvents, voidedAmong } from './event-queries';
import { balancesOfMember, memberRow, putAll } from './stored-views';

export interface ClusterSeeds {
  readonly members: readonly string[];
  readonly cards: readonly string[];
}

/**
 * Reads the events of the seeds' cluster. shared's clusterOf walks an index; here the
 * index is filled as the walk goes, until it finds no member or card it has not read.
 */
async function readCluster(db: TreuDatabase, seeds: ClusterSeeds): Promise<MemberCluster> {
  const index = buildIndex([]);
  const indexed = new Set<string>();
  const read = new Set<string>();
  for (;;) {
    const cluster = clusterOf(index, seeds);
    const unread = [...cluster.members, ...cluster.cards].filter((ref) => !read.has(ref));
    if (unread.length === 0) return cluster;
    for (const ref of unread) read.add(ref);
    // One round's reads go out together: a cluster of many members is not read one by one.
    for (const events of await Promise.all(unread.map((ref) => eventsNaming(db, ref)))) {
      for (const event of events) {
        if (indexed.has(event.id)) continue;
        indexed.add(event.id);
        indexEvent(index, event);
      }
    }
  }
}

/** Folds the seeds' cluster again from its stored events, replaces its rows, and returns it. */
export async function refoldStoredCluster(
  db: TreuDatabase,
  seeds: ClusterSeeds,
): Promise<MemberCluster> {
  const cluster = await readCluster(db, seeds);
  const events: LedgerEvent[] = [...cluster.events];
  const voidTargets = createVoidTargets();
  for (const id of await voidedAmong(
    db,
    events.map((event) => event.id),
  ))
    voidTargets.add(id);
  const views = foldOrdered(inTotalOrder([...events, ...(await programEvents(db))]), voidTargets);
  // Each member's balances go before its new ones are put; members, cards and
  // redemptions are written side by side.
  const members = [...cluster.members].map(async (id) => {
    await balancesOfMember(db, id).delete();
    const member = views.members.get(id);
    if (!member) return db.members.delete(id);
    await Promise.all([
      db.members.put(memberRow(member)),
      putAll(db.balances, [...member.balances.values()]),
    ]);
  });
  const cards = [...cluster.cards];
  const redeemed = events.flatMap((event) => (event.type === 'reward.redeemed' ? [event.id] : []));
  await Promise.all([
    ...members,
    putAll(
      db.cards,
      cards.flatMap((id) => views.cards.get(id) ?? []),
    ),
    db.cards.bulkDelete(cards.filter((id) => !views.cards.has(id))),
    putAll(
      db.redemptions,
      redeemed.flatMap((id) => views.redemptions.get(id) ?? []),
    ),
    db.redemptions.bulkDelete(redeemed.filter((id) => !views.redemptions.has(id))),
  ]);
  return cluster;
}
