/**
 * The one door through which the counter writes: put the envelope on what the rule
 * engine decided (UUIDv7, the next clock tick, the next `seq`), sign it with the
 * terminal's key, and commit the events, their projection and the new clock in one
 * read-write transaction. The caller may say "done" when this resolves, and not before.
 * A failure at any step leaves nothing behind.
 */
import { initialClock } from '../../shared/clock';
import type { EventDraft, LedgerEvent } from '../../shared/ledger/envelope';
import { nextEvent, type AppendState } from '../../shared/ledger/event-factory';
import { signEvent } from '../../shared/ledger/signing';
import { readOnly, readWrite, type TreuDatabase } from '../storage/database';
import { readMeta, writeMeta } from '../storage/meta';
import { recordEvents } from '../storage/record-events';
import type { AppendCursor, TerminalIdentity } from '../storage/rows';
import { withAppendLock } from './append-lock';
import { checkDraft, InvalidDraftError } from './check-draft';

export class TerminalNotSetUp extends Error {
  constructor() {
    super('This terminal has not been set up: run the first-run setup.');
  }
}

/** Puts the envelopes on the drafts and signs them, from the given cursor on. */
export async function signDrafts(
  identity: TerminalIdentity,
  cursor: AppendCursor,
  drafts: readonly EventDraft[],
  nowMs: number,
  staff: string | undefined,
): Promise<{ events: LedgerEvent[]; state: AppendState }> {
  let state: AppendState = cursor;
  const events: LedgerEvent[] = [];
  for (const draft of drafts) {
    const checked = checkDraft(draft);
    if (!checked.ok) throw new InvalidDraftError(draft, checked.error);
    const next = nextEvent(identity, state, draft, nowMs, staff);
    state = next.state;
    events.push(await signEvent(next.event, identity.privateKey));
  }
  return { events, state };
}

export interface AppendOptions {
  readonly staff?: string | undefined;
  /** The wall clock; tests set it. */
  readonly nowMs?: number;
}

/** Signs and commits the drafts as this terminal's next events; returns them. */
export function appendEvents(
  db: TreuDatabase,
  drafts: readonly EventDraft[],
  options: AppendOptions = {},
): Promise<LedgerEvent[]> {
  return withAppendLock(async () => {
    const { identity, cursor: stored } = await readOnly(db, async (tx) => ({
      identity: await readMeta(tx, 'identity'),
      cursor: await readMeta(tx, 'cursor'),
    }));
    if (!identity) throw new TerminalNotSetUp();
    const cursor = stored ?? { clock: initialClock(identity.terminal), seq: 0 };
    // Signing is asynchronous WebCrypto, which must not run inside an IndexedDB
    // transaction (it would commit early); so sign first, then check in the transaction
    // that no other writer moved the cursor meanwhile (the lock makes that a bug).
    const { events, state } = await signDrafts(
      identity,
      cursor,
      drafts,
      options.nowMs ?? Date.now(),
      options.staff,
    );
    await readWrite(db, async (tx) => {
      if (((await readMeta(tx, 'cursor'))?.seq ?? 0) !== cursor.seq) {
        throw new Error('The terminal made another event during this action: a second writer.');
      }
      await recordEvents(tx, events, { pending: true });
      await writeMeta(tx, 'cursor', state);
    });
    return events;
  });
}
