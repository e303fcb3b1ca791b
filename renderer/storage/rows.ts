/**
 * What the terminal keeps in IndexedDB, row by row. The projection tables hold the
 * views of shared/projection exactly as the fold makes them (a member without its
 * balances, which have their own table), so the stored projection can be compared with
 * a fold of the stored events field by field.
 */
import type { HlcState } from '../../shared/clock';
import type { LedgerEvent } from '../../shared/ledger/envelope';
import type {
  BalanceView,
  CardView,
  MemberView,
  ProgramView,
  RedemptionView,
} from '../../shared/projection/views';

export interface EventRow {
  readonly id: string;
  readonly hlc: string;
  /** 1 until the server has acknowledged the event (the outbox), then 0. */
  readonly pending: 0 | 1;
  /** For `event.voided`: the id it voids, so a late target finds its void. */
  readonly target?: string;
  readonly event: LedgerEvent;
}

/** One row per member or card an event names: the events of a member in hlc order. */
export interface EventRefRow {
  readonly ref: string;
  readonly hlc: string;
  readonly id: string;
}

export type MemberRow = Omit<MemberView, 'balances'> & {
  /** Lower-case words of the name, and the phone's digits: what search matches. */
  readonly search: readonly string[];
};

export type CardRow = CardView;
export type BalanceRow = BalanceView;
export type RedemptionRow = RedemptionView;
export type ProgramRow = ProgramView;

export type StaffRole = 'cashier' | 'manager';

export interface PinHash {
  readonly algorithm: 'PBKDF2-SHA256';
  readonly iterations: number;
  /** base64url */
  readonly salt: string;
  /** base64url */
  readonly hash: string;
}

export interface StaffRow {
  readonly id: string;
  readonly name: string;
  readonly role: StaffRole;
  readonly pin: PinHash;
  readonly createdMs: number;
  /**
   * When a manager removed them: they can no longer sign in, but their name stays, for
   * the events and the audit that name them.
   */
  readonly removedMs?: number | undefined;
  /**
   * The version of this record (a clock string, shared/clock.ts): the store's list keeps,
   * per person, the newest change of any terminal (shared/sync/staff-protocol.ts).
   */
  readonly changedAt: string;
  /** 1 until the server has the record as it is here, then 0. */
  readonly pending: 0 | 1;
}

/** One change to the store's staff list, by whom and when; the same on every terminal. */
export interface StaffLogRow {
  /** A UUIDv7 made where the change was made: the entry's id on every terminal and the server. */
  readonly id: string;
  readonly atMs: number;
  /** The manager who made the change. */
  readonly by: string;
  /** The member of staff it concerns. */
  readonly staff: string;
  readonly change: 'added' | 'removed' | 'pin_reset' | 'role_changed';
  /** With `role_changed` and `added`: the role they have now. */
  readonly role?: StaffRole | undefined;
  /** 1 until the server has the entry, then 0. */
  readonly pending: 0 | 1;
}

/** Who this terminal is: made at first run, enrolled with a server later. */
export interface TerminalIdentity {
  readonly tenant: string;
  readonly store: string;
  readonly storeName: string;
  readonly terminal: string;
  /** Non-extractable Ed25519 private key: it never leaves IndexedDB. */
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
  /** The public key as base64url of its raw bytes, for enrolment. */
  readonly publicKeyText: string;
  readonly createdMs: number;
}

/** The terminal's clock and the seq of the last event it made. */
export interface AppendCursor {
  readonly clock: HlcState;
  readonly seq: number;
}

/** Why the last sync did not finish: a code the status bar words, and the server's sentence. */
export interface SyncProblem {
  readonly code:
    | 'offline'
    | 'unauthorized'
    | 'revoked'
    | 'clock_ahead'
    | 'rejected'
    | 'server_error'
    | 'bad_answer';
  /** The server's own words, when it sent some. */
  readonly detail?: string | undefined;
  /** The server's error code, when it sent one (protocol v1's error body). */
  readonly serverCode?: string | undefined;
}

export interface SyncStatus {
  /** The last time a push and a pull both went through. */
  readonly lastSyncMs: number | undefined;
  readonly lastError: SyncProblem | undefined;
}

/** The server this terminal is enrolled with. */
export interface ServerLink {
  /** The server's base address, e.g. `http://localhost:8080/`. */
  readonly url: string;
  /** The bearer token from enrolment; only its hash is on the server. */
  readonly token: string;
  readonly enrolledMs: number;
  /** Where the next pull goes on from (opaque; the server gave it). */
  readonly pullCursor: string | undefined;
}

/** Wrong PINs in a row and, when the pad is locked, until when. */
export interface PinLockout {
  readonly failures: number;
  readonly lockedUntilMs: number;
}

export interface TerminalSettings {
  readonly language: 'de' | 'en';
  readonly cameraId: string | undefined;
  /** A scan at the counter gives one stamp at once (the cooldown catches a double scan). */
  readonly stampOnScan?: boolean;
  /** The program the counter stamps on; the first run's coffee card when unset. */
  readonly counterProgram?: string;
  /** The printer member cards go to in the desktop terminal; the system's default when unset. */
  readonly cardPrinter?: string;
}

/** Single rows of terminal state, by key. */
export interface MetaValues {
  identity: TerminalIdentity;
  cursor: AppendCursor;
  sync: SyncStatus;
  server: ServerLink;
  lockout: PinLockout;
  settings: TerminalSettings;
}

export type MetaKey = keyof MetaValues;

export interface MetaRow<K extends MetaKey = MetaKey> {
  readonly key: K;
  readonly value: MetaValues[K];
}
