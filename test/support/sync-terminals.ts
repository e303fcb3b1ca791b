/**
 * Terminals for sync tests: the real Dexie storage on fake-indexeddb, the real counter
 * actions and the real sync client, enrolled with the real server over HTTP. Their time
 * is the test's.
 */
import { readMeta } from '../../renderer/storage/meta';
import { enrolTerminal } from '../../renderer/sync/enrol-terminal';
import { syncOnce } from '../../renderer/sync/sync-once';
import type { ServerStore } from '../../server/store/server-store';
import { makeEnrolmentCode } from '../../server/admin/tenancy';
import { setUpTestTerminal, type TestTerminal } from './terminal-setup';
import { storedSnapshot } from './stored-projection';

export interface SyncTerminal extends TestTerminal {
  readonly name: string;
  /** Pushes and pulls until both have nothing left; throws when the sync fails. */
  sync(nowMs: number): Promise<void>;
  terminalId(): Promise<string>;
}

export async function enrolledTerminal(
  serverUrl: string,
  store: ServerStore,
  storeId: string,
  name: string,
  nowMs: number,
): Promise<SyncTerminal> {
  const terminal = await setUpTestTerminal();
  const code = await makeEnrolmentCode(store, storeId, nowMs);
  if (!code.ok) throw new Error(code.error);
  const enrolled = await enrolTerminal(
    terminal.db,
    { server: serverUrl, code: code.value.code, name },
    nowMs,
  );
  if (!enrolled.ok) throw new Error(`enrolment of ${name}: ${JSON.stringify(enrolled.error)}`);
  return {
    ...terminal,
    name,
    async sync(at) {
      const result = await syncOnce(terminal.db, { now: () => at });
      if (!result.ok) throw new Error(`sync of ${name}: ${JSON.stringify(result.error)}`);
    },
    async terminalId() {
      const identity = await readMeta(terminal.db, 'identity');
      if (!identity) throw new Error('not set up');
      return identity.terminal;
    },
  };
}

/** Every terminal's stored projection, to compare them. */
export function snapshots(terminals: readonly SyncTerminal[]) {
  return Promise.all(terminals.map((t) => storedSnapshot(t.db)));
}
