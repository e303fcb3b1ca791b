/**
 * Member segments HQ exports: who to win back, and who to thank. Pure functions of a
 * folded projection, so every replica and every test gets the same list.
 *
 * Definitions (words as in compute-kpis.ts):
 * - Visit: a non-voided `stamps.earned` with reason `purchase`, or a non-voided
 *   `reward.redeemed`; its time is the wall-clock part of its hlc. With `store`, only
 *   visits recorded in that store count.
 * - Member: followed through merges (`canonicalMember`): visits of a merged-away account
 *   count for the member it was merged into; consent and contact are that member's.
 * - Lapsed at `nowMs`, after N days: the member had at least one visit at or before
 *   `nowMs − N days` and none in (nowMs − N days, nowMs]; has not been erased; gave
 *   marketing consent; and left a contact (an email or a phone number). Sorted by the
 *   last visit, newest first (the most recently lapsed are the likeliest to return),
 *   then by member id.
 * - Champions of a period [fromMs, toMs): members with at least one visit in the period,
 *   ranked by visits in the period, then stamps earned in the period (every reason but
 *   `adjustment`, as `stampsEarned`), then member id; the first `limit`. Erased members
 *   rank by id alone (no personal data); contact data is given only for members with
 *   marketing consent.
 */
import { hlcWallMs } from '../clock';
import { canonicalMember } from '../projection/derived-views';
import type { Projection } from '../projection/projection';
import type { MemberView } from '../projection/views';
import { DAY_MS } from '../rules/local-time';
import type { KpiPeriod } from './kpi-report';

export interface SegmentMember {
  readonly member: string;
  readonly name: string | undefined;
  /** Only for members with marketing consent. */
  readonly email: string | undefined;
  readonly phone: string | undefined;
  readonly lastVisitMs: number;
  /** Visits counted by the segment's definition (all time for lapsed, the period for champions). */
  readonly visits: number;
}

export interface ChampionMember extends SegmentMember {
  readonly rank: number;
  readonly stamps: number;
}

interface Tally {
  visits: number;
  stamps: number;
  lastVisitMs: number;
}

/**
 * Visits (and stamps) per canonical member among events at wall times in [fromMs, toMs),
 * for the store if one is given.
 */
function tallyVisits(
  p: Projection,
  fromMs: number,
  toMs: number,
  store: string | undefined,
): Map<string, Tally> {
  const { views, voidTargets } = p;
  const tallies = new Map<string, Tally>();
  const tallyOf = (member: string): Tally => {
    const id = canonicalMember(views, member);
    let tally = tallies.get(id);
    if (!tally) {
      tally = { visits: 0, stamps: 0, lastVisitMs: -Infinity };
      tallies.set(id, tally);
    }
    return tally;
  };
  for (const event of p.ordered) {
    const ms = hlcWallMs(event.hlc);
    if (ms >= toMs) break; // total order: wall time never decreases
    if (ms < fromMs || (store !== undefined && event.store !== store)) continue;
    if (event.type === 'stamps.earned') {
      if (voidTargets.has(event.id)) continue;
      const { data } = event;
      const isVisit = data.reason === 'purchase';
      const counts = data.reason !== 'adjustment' && data.count > 0;
      if (!isVisit && !counts) continue;
      const tally = tallyOf(data.member);
      if (counts) tally.stamps += data.count;
      if (isVisit) {
        tally.visits += 1;
        tally.lastVisitMs = ms;
      }
    } else if (event.type === 'reward.redeemed') {
      const redemption = views.redemptions.get(event.id); // absent when voided
      if (!redemption) continue;
      const tally = tallyOf(redemption.member);
      tally.visits += 1;
      tally.lastVisitMs = ms;
    }
  }
  return tallies;
}

const present = (text: string | undefined) =>
  text !== undefined && text.trim() !== '' ? text : undefined;

function personal(view: MemberView | undefined): Pick<SegmentMember, 'name' | 'email' | 'phone'> {
  if (!view || view.erased) return { name: undefined, email: undefined, phone: undefined };
  const consent = view.marketingConsent;
  return {
    name: present(view.name),
    email: consent ? present(view.email) : undefined,
    phone: consent ? present(view.phone) : undefined,
  };
}

export interface LapsedOptions {
  readonly nowMs: number;
  /** N: no visit in the last N days (of 24 hours). */
  readonly days: number;
  readonly store?: string | undefined;
}

/** Members to win back: see the definition above. */
export function lapsedMembers(p: Projection, options: LapsedOptions): SegmentMember[] {
  const { nowMs, days, store } = options;
  if (!Number.isFinite(nowMs) || !Number.isInteger(days) || days < 1) {
    throw new RangeError(`lapsedMembers needs a time and a whole number of days ≥ 1; got ${days}.`);
  }
  const cutoffMs = nowMs - days * DAY_MS;
  // Visits at or before nowMs: [−∞, nowMs + 1) in whole milliseconds.
  const tallies = tallyVisits(p, -Infinity, nowMs + 1, store);
  const lapsed: SegmentMember[] = [];
  for (const [member, tally] of tallies) {
    if (tally.visits === 0 || tally.lastVisitMs > cutoffMs) continue;
    const view = p.views.members.get(member);
    if (!view || view.erased || !view.marketingConsent) continue;
    const contact = personal(view);
    if (contact.email === undefined && contact.phone === undefined) continue;
    lapsed.push({ member, ...contact, lastVisitMs: tally.lastVisitMs, visits: tally.visits });
  }
  return lapsed.sort(
    (a, b) =>
      b.lastVisitMs - a.lastVisitMs || (a.member < b.member ? -1 : a.member > b.member ? 1 : 0),
  );
}

export interface ChampionOptions {
  /** How many to list; default 20. */
  readonly limit?: number;
  readonly store?: string | undefined;
}

/** The members who came most in the period: see the definition above. */
export function champions(
  p: Projection,
  period: KpiPeriod,
  options: ChampionOptions = {},
): ChampionMember[] {
  const limit = options.limit ?? 20;
  if (!(period.fromMs <= period.toMs) || !Number.isInteger(limit) || limit < 1) {
    throw new RangeError(`champions needs fromMs ≤ toMs and a limit ≥ 1; got ${limit}.`);
  }
  const ranked = [...tallyVisits(p, period.fromMs, period.toMs, options.store)]
    .filter(([, tally]) => tally.visits > 0)
    .sort(
      ([a, x], [b, y]) =>
        y.visits - x.visits || y.stamps - x.stamps || (a < b ? -1 : a > b ? 1 : 0),
    )
    .slice(0, limit);
  return ranked.map(([member, tally], i) => ({
    rank: i + 1,
    member,
    ...personal(p.views.members.get(member)),
    lastVisitMs: tally.lastVisitMs,
    visits: tally.visits,
    stamps: tally.stamps,
  }));
}
