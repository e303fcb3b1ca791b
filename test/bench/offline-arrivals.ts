/**
 * The order in which a replica receives a ledger whose terminals now and then work
 * offline: an event arrives when it is made, unless its terminal is offline then; the
 * events of an offline spell arrive together when the terminal is back. So most events
 * come in total order, and now and then a terminal's hours of offline work come late,
 * interleaved in the total order with what others did meanwhile. This is what a server
 * or a terminal pulling from it sees, and what makes the incremental fold refold.
 */
import { hlcWallMs } from '../../shared/clock';
import type { LedgerEvent } from '../../shared/ledger/envelope';
import type { Prng } from './prng';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export interface OfflinePattern {
  /** Chance that a terminal has one offline spell on a given day. */
  readonly spellsPerDay: number;
  readonly minHours: number;
  readonly maxHours: number;
}

export const BENCH_OFFLINE: OfflinePattern = { spellsPerDay: 0.2, minHours: 1, maxHours: 6 };

interface Spell {
  readonly fromMs: number;
  readonly toMs: number;
}

function offlineSpells(firstMs: number, lastMs: number, pattern: OfflinePattern, rng: Prng) {
  const spells: Spell[] = [];
  for (let day = Math.floor(firstMs / DAY_MS); day * DAY_MS <= lastMs; day++) {
    if (!rng.chance(pattern.spellsPerDay)) continue;
    const fromMs = day * DAY_MS + rng.int(6, 18) * HOUR_MS;
    spells.push({ fromMs, toMs: fromMs + rng.int(pattern.minHours, pattern.maxHours) * HOUR_MS });
  }
  return spells;
}

export interface Arrivals {
  readonly events: LedgerEvent[];
  /** Events that arrived after one that follows them in total order. */
  readonly late: number;
}

/** The events (in total order) in the order they arrive; the same for the same seed. */
export function offlineArrivalOrder(
  events: readonly LedgerEvent[],
  pattern: OfflinePattern,
  rng: Prng,
): Arrivals {
  const first = events[0];
  const last = events[events.length - 1];
  if (!first || !last) return { events: [], late: 0 };
  const firstMs = hlcWallMs(first.hlc);
  const lastMs = hlcWallMs(last.hlc);
  const spellsOf = new Map<string, Spell[]>();
  const arrivalMs = (event: LedgerEvent): number => {
    let spells = spellsOf.get(event.terminal);
    if (!spells) {
      spells = offlineSpells(firstMs, lastMs, pattern, rng);
      spellsOf.set(event.terminal, spells);
    }
    const ms = hlcWallMs(event.hlc);
    const spell = spells.find((s) => ms >= s.fromMs && ms < s.toMs);
    return spell ? spell.toMs : ms;
  };
  const arriving = events.map((event, position) => ({ event, position, at: arrivalMs(event) }));
  // Stable: events that arrive at the same moment keep their total order.
  arriving.sort((a, b) => a.at - b.at || a.position - b.position);
  let late = 0;
  let highest = -1;
  for (const { position } of arriving) {
    if (position < highest) late += 1;
    else highest = position;
  }
  return { events: arriving.map((a) => a.event), late };
}
