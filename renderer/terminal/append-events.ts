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

/** Where this terminal's next event starts: who signs, and the clock and `seq` so far. */
interface SignerState {
  readonly identity: TerminalIdentity;
  readonly cursor: AppendCursor;
}

/**
 * The signer state each open database last committed, so an action need not read it
 * first. The commit checks it against the stored one: another tab of the same terminal
 * (or a sync that moved the clock) may have written since.
 */
const lastCommitted = new WeakMap<TreuDatabase['dexie'], SignerState>();

async function storedSignerState(db: TreuDatabase): Promise<SignerState | undefined> {
  const [identity, cursor] = await Promise.all([readMeta(db, 'identity'), readMeta(db, 'cursor')]);
  if (!identity) return undefined;
  return { identity, cursor: cursor ?? { clock: initialClock(identity.terminal), seq: 0 } };
}

const sameCursor = (a: AppendCursor, b: AppendCursor) =>
  a.seq === b.seq &&
  a.clock.wallMs === b.clock.wallMs &&
  a.clock.counter === b.clock.counter &&
  a.clock.node === b.clock.node;

/** The same terminal with the same key (enrolment may change the tenant and store). */
const sameSigner = (a: TerminalIdentity, b: TerminalIdentity) =>
  a.terminal === b.terminal &&
  a.tenant === b.tenant &&
  a.store === b.store &&
  a.publicKeyText === b.publicKeyText;

const isCurrent = (known: SignerState, stored: SignerState | undefined) =>
  stored !== undefined &&
  sameSigner(stored.identity, known.identity) &&
  sameCursor(stored.cursor, known.cursor);

const MAX_ATTEMPTS = 5;

/** Signs and commits the drafts as this terminal's next events; returns them. */
export function appendEvents(
  db: TreuDatabase,
  drafts: readonly EventDraft[],
  options: AppendOptions = {},
): Promise<LedgerEvent[]> {
  return withAppendLock(async () => {
    // Signing is asynchronous WebCrypto, which must not run inside an IndexedDB
    // transaction (it would commit early); so sign first, then check in the transaction
    // that the cursor signed from is still the stored one, and sign again if not.
    for (let attempt = 1; ; attempt++) {
      const from =
        lastCommitted.get(db.dexie) ?? (await readOnly(db, (tx) => storedSignerState(tx)));
      if (!from) throw new TerminalNotSetUp();
      const { events, state } = await signDrafts(
        from.identity,
        from.cursor,
        drafts,
        options.nowMs ?? Date.now(),
        options.staff,
      );
      const committed = await readWrite(db, async (tx) => {
        if (!isCurrent(from, await storedSignerState(tx))) return false;
        await Promise.all([
          recordEvents(tx, events, { pending: true }),
          writeMeta(tx, 'cursor', state),
        ]);
        return true;
      });
      if (committed) {
        lastCommitted.set(db.dexie, { identity: from.identity, cursor: state });
        return events;
      }
      lastCommitted.delete(db.dexie);
      // A pull moves the clock between pages: a few tries outlast any catch-up.
      if (attempt === MAX_ATTEMPTS) {
        throw new Error(
          "The terminal's clock kept moving during one action: another writer is busy.",
        );
      }
    }
  });
}
