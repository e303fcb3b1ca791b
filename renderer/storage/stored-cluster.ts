/**
 * Refolding member clusters in the stored projection: the IndexedDB form of
 * shared/projection/member-cluster.ts. The cluster's events are read from the event
 * references, folded again with the shared fold, and put in place of the cluster's rows.
 */
import { inTotalOrder } from '../../shared/ledger/order';
import type { LedgerEvent } from '../../shared/ledger/envelope';
import { foldOrdered } from '../../shared/projection/fold-ordered';
import type { DerivedViews } from '../../shared/projection/derived-views';
import { buildIndex, indexEvent } from '../../shared/projection/ledger-index';
import { clusterOf, type MemberCluster } from '../../shared/projection/member-cluster';
import { createVoidTargets } from '../../shared/projection/void-targets';
import type { TreuDatabase } from './database';
import { eventIdsNaming, programEvents, voidedAmong } from './event-queries';
import { memberRow, putAll } from './stored-views';

export interface ClusterSeeds {
  readonly members: readonly string[];
  readonly cards: readonly string[];
}

/**
 * Reads the events of the seeds' cluster. shared's clusterOf walks an index; here the
 * index is filled as the walk goes, until it finds no member or card it has not read.
 * Each round reads the references of its members and cards side by side, then the events
 * not read yet in one bulk read: an event named by a member and a card is read once.
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
    const named = await Promise.all(unread.map((ref) => eventIdsNaming(db, ref)));
    const ids = [...new Set(named.flat())].filter((id) => !indexed.has(id));
    for (const row of await db.events.bulkGet(ids)) {
      if (!row) continue;
      indexed.add(row.id);
      indexEvent(index, row.event);
    }
  }
}

/**
 * The balance rows the refold leaves to delete: of each member, those of the programs its
 * cluster's stamps and redemptions name that its refolded view holds no more (moved by a
 * merge, or the member's enrolment gone). Every stored balance of a cluster member came
 * from such an event, so no other balance row can be left behind.
 */
function balancesGone(
  members: ReadonlySet<string>,
  events: readonly LedgerEvent[],
  views: DerivedViews,
): [string, string][] {
  const programs = new Set(
    events.flatMap((event) =>
      event.type === 'stamps.earned' || event.type === 'reward.redeemed'
        ? [event.data.program]
        : [],
    ),
  );
  return [...members].flatMap((member) => {
    const held = views.members.get(member)?.balances;
    return [...programs].flatMap((program): [string, string][] =>
      held?.has(program) ? [] : [[member, program]],
    );
  });
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
  const members = [...cluster.members];
  const refolded = members.flatMap((id) => views.members.get(id) ?? []);
  const cards = [...cluster.cards];
  const redeemed = events.flatMap((event) => (event.type === 'reward.redeemed' ? [event.id] : []));
  // Every table is written side by side, in one round: no row is both put and deleted.
  await Promise.all([
    putAll(db.members, refolded.map(memberRow)),
    db.members.bulkDelete(members.filter((id) => !views.members.has(id))),
    putAll(
      db.balances,
      refolded.flatMap((member) => [...member.balances.values()]),
    ),
    db.balances.bulkDelete(balancesGone(cluster.members, events, views)),
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
