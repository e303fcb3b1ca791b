/**
 * The ledger's convergence guarantees (docs/architecture.md, Principles 2–4), as
 * properties over random scenarios on three terminals. Every property runs at least 1,000
 * times with a fixed seed, so a failure reproduces.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LedgerEvent } from '../../shared/ledger/envelope';
import { compareEvents } from '../../shared/ledger/order';
import {
  applyEvent,
  applyEvents,
  createProjection,
  foldEvents,
} from '../../shared/projection/projection';
import { projectionSnapshot } from '../../shared/projection/snapshot';
import { eventSetArbitrary, eventSetWithArrivalOrder } from '../support/scenario-arbitrary';

const RUNS = { numRuns: 1_000, seed: 20261123 } as const;
const everything = { withMerges: true, withExpiry: true, withErasure: true } as const;

const snapshotOf = (events: readonly LedgerEvent[]) => projectionSnapshot(foldEvents(events));

describe('projection properties', () => {
  it('folds any permutation of an event set to the identical projection', () => {
    fc.assert(
      fc.property(eventSetWithArrivalOrder(everything), ([events, arrival]) => {
        expect(snapshotOf(arrival)).toEqual(snapshotOf(events));
      }),
      RUNS,
    );
  });

  it('changes nothing when an event is applied twice', () => {
    fc.assert(
      fc.property(eventSetWithArrivalOrder(everything), fc.nat(), ([events, arrival], pick) => {
        const once = createProjection();
        const twice = createProjection();
        const repeated = arrival[pick % arrival.length];
        for (const event of arrival) {
          applyEvent(once, event);
          applyEvent(twice, event);
          if (event === repeated) applyEvent(twice, event);
        }
        applyEvents(twice, events); // and the whole set once more
        expect(projectionSnapshot(twice)).toEqual(projectionSnapshot(once));
      }),
      RUNS,
    );
  });

  it('makes two replicas that exchange their sets in any order end identical', () => {
    fc.assert(
      fc.property(
        eventSetArbitrary(everything).chain((events) =>
          fc.tuple(
            fc.constant(events),
            // Which replica made each event; some events reach both before the exchange.
            fc.array(fc.constantFrom('a', 'b', 'both'), {
              minLength: events.length,
              maxLength: events.length,
            }),
            fc.infiniteStream(fc.nat()),
          ),
        ),
        ([events, owners, shuffles]) => {
          const ownA = events.filter((_, i) => owners[i] !== 'b');
          const ownB = events.filter((_, i) => owners[i] !== 'a');
          const replicaA = foldEvents(ownA);
          const replicaB = foldEvents(ownB);
          const randomOrder = (list: LedgerEvent[]) => {
            const copy = [...list];
            const it = shuffles[Symbol.iterator]();
            for (let i = copy.length - 1; i > 0; i--) {
              const j = (it.next().value ?? 0) % (i + 1);
              [copy[i], copy[j]] = [copy[j] as LedgerEvent, copy[i] as LedgerEvent];
            }
            return copy;
          };
          for (const event of randomOrder(ownB)) applyEvent(replicaA, event);
          for (const event of randomOrder(ownA)) applyEvent(replicaB, event);
          const a = projectionSnapshot(replicaA);
          expect(projectionSnapshot(replicaB)).toEqual(a);
          expect(snapshotOf(events)).toEqual(a);
        },
      ),
      RUNS,
    );
  });

  it('agrees incrementally, one event or one batch at a time, with the full fold', () => {
    fc.assert(
      fc.property(
        eventSetWithArrivalOrder(everything),
        fc.integer({ min: 1, max: 7 }),
        ([events, arrival], batch) => {
          const oneByOne = createProjection();
          for (const event of arrival) applyEvent(oneByOne, event);
          const batched = createProjection();
          for (let i = 0; i < arrival.length; i += batch)
            applyEvents(batched, arrival.slice(i, i + batch));
          const full = snapshotOf(events);
          expect(projectionSnapshot(oneByOne)).toEqual(full);
          expect(projectionSnapshot(batched)).toEqual(full);
        },
      ),
      RUNS,
    );
  });

  it('flags an overdraft on exactly the redemptions that overdraw in total order', () => {
    // Reference: walk the set in total order, skip voided stamps and redemptions, follow
    // merges, and flag each redemption whose cost exceeds the balance just before it.
    // (No expiry here, so a balance is the plain running sum.)
    const expectedOverdrafts = (events: readonly LedgerEvent[]): string[] => {
      const sorted = [...new Map(events.map((e) => [e.id, e])).values()].sort(compareEvents);
      const voided = new Set(
        sorted.flatMap((e) => (e.type === 'event.voided' ? [e.data.target] : [])),
      );
      const mergedInto = new Map<string, string>();
      const resolve = (m: string): string => {
        const next = mergedInto.get(m);
        return next === undefined ? m : resolve(next);
      };
      const balances = new Map<string, number>();
      const flagged: string[] = [];
      for (const e of sorted) {
        if (voided.has(e.id) && (e.type === 'stamps.earned' || e.type === 'reward.redeemed'))
          continue;
        if (e.type === 'member.merged') {
          const from = resolve(e.data.from);
          const into = resolve(e.data.into);
          if (from === into) continue;
          mergedInto.set(from, into);
          for (const [key, value] of [...balances]) {
            const [member, program] = key.split(' ');
            if (member !== from) continue;
            balances.delete(key);
            const target = `${into} ${program ?? ''}`;
            balances.set(target, (balances.get(target) ?? 0) + value);
          }
        } else if (e.type === 'stamps.earned') {
          const key = `${resolve(e.data.member)} ${e.data.program}`;
          balances.set(key, (balances.get(key) ?? 0) + e.data.count);
        } else if (e.type === 'reward.redeemed') {
          const key = `${resolve(e.data.member)} ${e.data.program}`;
          const before = balances.get(key) ?? 0;
          if (before < e.data.cost) flagged.push(e.id);
          balances.set(key, before - e.data.cost);
        }
      }
      return flagged.sort();
    };
    fc.assert(
      fc.property(
        eventSetWithArrivalOrder({ withMerges: true, withExpiry: false }),
        ([events, arrival]) => {
          const projected = [...foldEvents(arrival).views.redemptions.values()]
            .filter((r) => r.overdraft)
            .map((r) => r.id)
            .sort();
          expect(projected).toEqual(expectedOverdrafts(events));
        },
      ),
      RUNS,
    );
  });
});
