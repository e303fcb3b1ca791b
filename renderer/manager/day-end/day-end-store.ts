/**
 * The day-end close on the terminal's storage: read this terminal's Z report (its events
 * since its last `day.closed`, or since the local day began if it was never closed) and
 * record the close as a `day.closed` event through the one signed append.
 */
import { Dexie } from 'dexie';
import { hlcWallMs } from '../../../shared/clock';
import { KPI_DEFAULTS } from '../../../shared/kpi/compute-kpis';
import { startOfLocalDay } from '../../../shared/kpi/report-periods';
import { clockBefore, dayClosedData, zReport, type ZReport } from '../../../shared/kpi/z-report';
import type { EventOf, LedgerEvent } from '../../../shared/ledger/envelope';
import { err, ok, type Result } from '../../../shared/result';
import { localDayNumber } from '../../../shared/rules/local-time';
import { readOnly, type TreuDatabase } from '../../storage/database';
import { voidedAmong } from '../../storage/event-queries';
import { readMeta } from '../../storage/meta';
import { appendEventsIf } from '../../terminal/append-events';

export interface DayEndView {
  readonly report: ZReport;
  readonly storeName: string;
  /** When the report's period began: the last close, or the start of the local day. */
  readonly sinceMs: number;
  /** The terminal's last close, if any: its time, and the end of the period it closed. */
  readonly lastClosedMs: number | undefined;
  readonly lastCloseTo: string | undefined;
  /** Closed already: nothing recorded on this terminal since its last close. */
  readonly closedAlready: boolean;
  readonly names: ReadonlyMap<string, string>;
}

export type DayEndError =
  | { readonly code: 'not_set_up' }
  /** Another window closed the day between reading and confirming. */
  | { readonly code: 'closed_meanwhile' };

/**
 * The terminal's last close: its newest `day.closed` in the ledger's total order (hlc,
 * then id: the order of the `[hlc+id]` index), looked for from the newest event
 * backwards, so only the events since that close are read. The one definition of "the
 * last close" the Z report's period starts from (shared/kpi/z-report.ts).
 */
export async function lastCloseOf(
  db: TreuDatabase,
  terminal: string,
): Promise<EventOf<'day.closed'> | undefined> {
  const row = await db.events
    .orderBy('[hlc+id]')
    .reverse()
    .filter((r) => r.event.type === 'day.closed' && r.event.data.terminal === terminal)
    .first();
  return row?.event.type === 'day.closed' ? row.event : undefined;
}

export async function loadDayEnd(
  db: TreuDatabase,
  nowMs: number = Date.now(),
  timeZone: string = KPI_DEFAULTS.timeZone,
): Promise<Result<DayEndView, DayEndError>> {
  return readOnly(db, async (tx) => {
    const identity = await readMeta(tx, 'identity');
    if (!identity) return err({ code: 'not_set_up' as const });
    const { terminal, store } = identity;
    const last = await lastCloseOf(tx, terminal);
    const dayStartMs = startOfLocalDay(localDayNumber(nowMs, timeZone), timeZone);
    const from = last?.data.to ?? clockBefore(dayStartMs, terminal);
    const rows = await tx.events.where('[hlc+id]').above([from, Dexie.maxKey]).toArray();
    const events: LedgerEvent[] = rows
      .map((row) => row.event)
      .filter((event) => event.terminal === terminal);
    const ids = events.map((event) => event.id);
    const redemptionIds = events.filter((e) => e.type === 'reward.redeemed').map((e) => e.id);
    const [voided, redemptions, staff] = await Promise.all([
      voidedAmong(tx, ids),
      tx.redemptions.bulkGet(redemptionIds),
      tx.staff.toArray(),
    ]);
    const report = zReport({
      store,
      terminal,
      from,
      events,
      voided: new Set(voided),
      overdrawn: new Set(redemptions.flatMap((r) => (r?.overdraft ? [r.id] : []))),
    });
    return ok({
      report,
      storeName: identity.storeName,
      sinceMs: last ? hlcWallMs(last.data.to) : dayStartMs,
      lastClosedMs: last ? hlcWallMs(last.hlc) : undefined,
      lastCloseTo: last?.data.to,
      closedAlready: last !== undefined && report.totals.events === 0,
      names: new Map(staff.map((row) => [row.id, row.name])),
    });
  });
}

/**
 * Records the close of the report shown. If the terminal's last close is no longer the
 * one the report started from (another window closed the day meanwhile), nothing is
 * written: the manager reads the report again. The last close is read under the append
 * lock, in the transaction that writes the close, so two windows confirming at once
 * record one close.
 */
export async function closeDay(
  db: TreuDatabase,
  view: DayEndView,
  staff: string,
): Promise<Result<LedgerEvent, DayEndError>> {
  if (view.closedAlready) return err({ code: 'closed_meanwhile' });
  const closed = await appendEventsIf(
    db,
    [{ type: 'day.closed', data: dayClosedData(view.report) }],
    async (tx) => {
      const last = await lastCloseOf(tx, view.report.terminal);
      return last?.data.to === view.lastCloseTo
        ? ok(undefined)
        : err({ code: 'closed_meanwhile' as const });
    },
    { staff },
  );
  if (!closed.ok) return closed;
  const [event] = closed.value;
  if (!event) throw new Error('appendEvents returned no event for one draft: a bug.');
  return ok(event);
}
