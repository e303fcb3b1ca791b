/** A terminal set up on fake-indexeddb, signed in as its manager, for counter tests. */
import { setUpTerminal } from '../../renderer/terminal/first-run';
import type { CounterContext } from '../../renderer/terminal/counter-actions';
import type { TreuDatabase } from '../../renderer/storage/database';
import { testDatabase } from './stored-projection';

export const START_MS = Date.UTC(2026, 0, 5, 9);
export const MANAGER_PIN = '2468';

export interface TestTerminal {
  readonly db: TreuDatabase;
  /** The manager's counter context at a time the test sets. */
  readonly at: (
    nowMs: number,
    options?: { online?: boolean; role?: 'cashier' | 'manager' },
  ) => CounterContext;
}

export async function setUpTestTerminal(): Promise<TestTerminal> {
  const db = testDatabase();
  const session = await setUpTerminal(
    db,
    { storeName: 'Café Test', managerName: 'Mara', managerPin: MANAGER_PIN, language: 'en' },
    START_MS,
  );
  if (!session.ok) throw new Error(`setup failed: ${session.error.code}`);
  return {
    db,
    at: (nowMs, options = {}) => ({
      db,
      session: { ...session.value, role: options.role ?? session.value.role },
      online: options.online ?? true,
      nowMs,
    }),
  };
}
