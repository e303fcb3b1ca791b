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
import type { DerivedViews } from '../../shared/projection/derived-views';
import { err, ok, type Result } from '../../shared/result';
import { readOnly, readWrite, type TreuDatabase } from '../storage/database';
import { readMeta, writeMeta } from '../storage/meta';
import { recordEvents } from '../storage/record-events';
import { recordOnSnapshot } from '../storage/record-on-snapshot';
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
  /**
   * The views the drafts were decided on, read just now (loadViews of the members and
   * cards they name). The commit then writes without reading first, and throws
   * SnapshotMoved, having written nothing, when they are not what is stored any more.
   * Not with appendEventsIf, whose check reads before anything is written.
   */
  readonly decidedOn?: DerivedViews;
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

/** Thrown inside the transaction to undo its writes: the stored signer state moved. */
class SignerMoved extends Error {}

/** The events with their projection, and the signer's new cursor. */
const writeEvents = (
  tx: TreuDatabase,
  events: readonly LedgerEvent[],
  state: AppendState,
  decidedOn?: DerivedViews,
) =>
  Promise.all([
    decidedOn
      ? recordOnSnapshot(tx, events, decidedOn, { pending: true })
      : recordEvents(tx, events, { pending: true }),
    writeMeta(tx, 'cursor', state),
  ]);

/**
 * Commits the signed events unless the stored signer state moved since they were signed.
 * The state is read first and the writes follow without waiting for the answer:
 * IndexedDB runs a transaction's requests in the order they were made, so the read sees
 * the state before them, and one round trip is saved on every action. If the state
 * moved, throwing undoes the writes.
 */
async function commit(
  tx: TreuDatabase,
  from: SignerState,
  events: readonly LedgerEvent[],
  state: AppendState,
  decidedOn: DerivedViews | undefined,
): Promise<'committed'> {
  const stored = storedSignerState(tx);
  const written = writeEvents(tx, events, state, decidedOn);
  // When the transaction is undone, the writes fail too: that is expected, not unhandled.
  written.catch(() => undefined);
  if (!isCurrent(from, await stored)) throw new SignerMoved();
  await written;
  return 'committed';
}

/** commit with a precondition: the state and `check` are read before anything is written. */
async function commitChecked<E>(
  tx: TreuDatabase,
  from: SignerState,
  check: (tx: TreuDatabase) => Promise<Result<unknown, E>>,
  events: readonly LedgerEvent[],
  state: AppendState,
): Promise<'committed' | { readonly ok: false; readonly error: E }> {
  if (!isCurrent(from, await storedSignerState(tx))) throw new SignerMoved();
  const checked = await check(tx);
  if (!checked.ok) return checked;
  await writeEvents(tx, events, state);
  return 'committed';
}

/** Signs and commits the drafts as this terminal's next events; returns them. */
export async function appendEvents(
  db: TreuDatabase,
  drafts: readonly EventDraft[],
  options: AppendOptions = {},
): Promise<LedgerEvent[]> {
  const appended = await appendChecked<never>(db, drafts, undefined, options);
  if (!appended.ok) throw new Error('An append without a precondition was refused: a bug.');
  return appended.value;
}

/**
 * appendEvents with a precondition on the stored state: `check` runs under the append
 * lock, in the same read-write transaction as the commit, so no other window of this
 * terminal can change what it read before the events land (a day closed twice, a
 * program version published over one that arrived meanwhile). When it answers an error,
 * nothing is written and the error is returned. `check` reads only through `tx`.
 */
export function appendEventsIf<E>(
  db: TreuDatabase,
  drafts: readonly EventDraft[],
  check: (tx: TreuDatabase) => Promise<Result<unknown, E>>,
  options: AppendOptions = {},
): Promise<Result<LedgerEvent[], E>> {
  return appendChecked(db, drafts, check, options);
}

function appendChecked<E>(
  db: TreuDatabase,
  drafts: readonly EventDraft[],
  check: ((tx: TreuDatabase) => Promise<Result<unknown, E>>) | undefined,
  options: AppendOptions,
): Promise<Result<LedgerEvent[], E>> {
  const nowMs = options.nowMs ?? Date.now();
  const sign = (from: SignerState) =>
    signDrafts(from.identity, from.cursor, drafts, nowMs, options.staff);
  // Signing is asynchronous WebCrypto, which must not run inside an IndexedDB transaction
  // (it would commit early); so sign first, then check in the transaction that the state
  // signed from is still the stored one, and sign again if not. The first signing starts
  // while the lock is requested, from the state this page last committed.
  const known = lastCommitted.get(db.dexie);
  const early = known && sign(known);
  early?.catch(() => undefined); // Awaited under the lock, or not needed.
  return withAppendLock(async () => {
    for (let attempt = 1; ; attempt++) {
      const from =
        lastCommitted.get(db.dexie) ?? (await readOnly(db, (tx) => storedSignerState(tx)));
      if (!from) throw new TerminalNotSetUp();
      // After a move, `from` is read again: the early signature is then not used.
      const { events, state } = await (early && from === known ? early : sign(from));
      const outcome = await readWrite(db, (tx) =>
        check
          ? commitChecked(tx, from, check, events, state)
          : commit(tx, from, events, state, options.decidedOn),
      ).catch((error: unknown) => {
        if (error instanceof SignerMoved) return 'moved' as const;
        throw error;
      });
      if (outcome === 'committed') {
        lastCommitted.set(db.dexie, { identity: from.identity, cursor: state });
        return ok(events);
      }
      if (outcome !== 'moved') return err(outcome.error);
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
