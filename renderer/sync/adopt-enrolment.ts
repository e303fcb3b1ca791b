/**
 * Enrolment gives the terminal its tenant, store and terminal id on the server. A
 * terminal that worked standalone first has events signed under the ids it made up at
 * its first run, which the server would refuse as another tenant's. None of them has
 * left the terminal, so they are signed again under the enrolled ids, in one
 * transaction: the same event ids, types, data and `seq`, the same clock values with the
 * new terminal id as their node (so the same order), the same key. Then the projection
 * is folded again from them. A terminal that was enrolled before keeps its events.
 * Its staff and their audit wait to be sent: the store's list takes them in.
 */
import { formatHlc, parseHlc } from '../../shared/clock';
import type { LedgerEvent, UnsignedEvent } from '../../shared/ledger/envelope';
import { inTotalOrder } from '../../shared/ledger/order';
import { signEvent } from '../../shared/ledger/signing';
import { err, ok, type Result } from '../../shared/result';
import type { EnrolmentResponse } from '../../shared/sync/protocol';
import { readOnly, readWrite, type TreuDatabase } from '../storage/database';
import { readMeta, writeMeta } from '../storage/meta';
import { recordEvents } from '../storage/record-events';
import type { AppendCursor, TerminalIdentity } from '../storage/rows';
import { withAppendLock } from '../terminal/append-lock';

function withNode(hlc: string, node: string): string {
  const parsed = parseHlc(hlc);
  // Stored events passed the schema, whose hlc always parses.
  if (!parsed.ok) throw new Error(`A stored event has a malformed clock: ${hlc}`);
  return formatHlc({ ...parsed.value, node });
}

async function resigned(
  events: readonly LedgerEvent[],
  from: TerminalIdentity,
  to: EnrolmentResponse,
): Promise<LedgerEvent[]> {
  const out: LedgerEvent[] = [];
  for (const event of events) {
    if (event.terminal !== from.terminal) {
      out.push(event);
      continue;
    }
    const { sig: _old, ...unsigned } = event;
    const moved = {
      ...unsigned,
      tenant: to.tenant,
      store: to.store,
      terminal: to.terminal,
      hlc: withNode(event.hlc, to.terminal),
    } as UnsignedEvent;
    out.push(await signEvent(moved, from.privateKey));
  }
  return out;
}

/**
 * Makes the enrolled identity the terminal's own and writes the server link; signs the
 * standalone events again when there are any. Run under the append lock: no counter
 * action of this tab can slip in between the read and the write; one of another tab
 * can, and then nothing is changed and the answer is `ledger_changed`.
 */
export function adoptEnrolment(
  db: TreuDatabase,
  enrolment: EnrolmentResponse,
  serverUrl: string,
  nowMs: number,
): Promise<Result<void, { readonly code: 'ledger_changed' }>> {
  return withAppendLock(async () => {
    const before = await readOnly(db, async (tx) => ({
      identity: await readMeta(tx, 'identity'),
      cursor: await readMeta(tx, 'cursor'),
      events: (await tx.events.toArray()).map((row) => row.event),
    }));
    if (!before.identity) throw new Error('The terminal must be set up before it enrols.');
    const identity: TerminalIdentity = {
      ...before.identity,
      tenant: enrolment.tenant,
      store: enrolment.store,
      storeName: enrolment.storeName || before.identity.storeName,
      terminal: enrolment.terminal,
    };
    const events = await resigned(inTotalOrder([...before.events]), before.identity, enrolment);
    const cursor: AppendCursor | undefined = before.cursor && {
      seq: before.cursor.seq,
      clock: { ...before.cursor.clock, node: enrolment.terminal },
    };
    return readWrite(db, async (tx) => {
      if ((await tx.events.count()) !== before.events.length)
        return err({ code: 'ledger_changed' });
      await Promise.all([
        tx.events.clear(),
        tx.eventRefs.clear(),
        tx.members.clear(),
        tx.balances.clear(),
        tx.cards.clear(),
        tx.redemptions.clear(),
        tx.programs.clear(),
      ]);
      if (events.length > 0) await recordEvents(tx, events, { pending: true });
      await writeMeta(tx, 'identity', identity);
      if (cursor) await writeMeta(tx, 'cursor', cursor);
      await writeMeta(tx, 'server', {
        url: serverUrl,
        token: enrolment.token,
        enrolledMs: nowMs,
        pullCursor: undefined,
      });
      await writeMeta(tx, 'sync', { lastSyncMs: undefined, lastError: undefined });
      // The staff this terminal knows (its first-run manager) join the store's list.
      await tx.staff.toCollection().modify({ pending: 1 });
      await tx.staffLog.toCollection().modify({ pending: 1 });
      return ok(undefined);
    });
  });
}
