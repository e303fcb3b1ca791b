/** What every screen needs: the database, who is signed in, and whether the network is there. */
import { useLiveQuery } from 'dexie-react-hooks';
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { TreuDatabase } from '../storage/database';
import type { CounterContext } from '../terminal/counter-actions';
import type { Session } from '../terminal/sign-in';
import { actingRole } from '../manager/staff/stand-in-manager';

interface Terminal {
  readonly db: TreuDatabase;
  readonly session: Session;
  readonly online: boolean;
  readonly signOut: () => void;
}

const TerminalContext = createContext<Terminal | undefined>(undefined);

/** navigator.onLine, kept up to date. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const update = () => {
      setOnline(navigator.onLine);
    };
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}

export function TerminalProvider(props: {
  db: TreuDatabase;
  session: Session;
  signOut: () => void;
  children: ReactNode;
}) {
  const online = useOnline();
  const { db, session: signedIn, signOut, children } = props;
  // The staff row as it is now: a manager made cashier loses the manager's rights at once,
  // and someone removed (here, or by a manager in another window) is signed out.
  // While the store has no manager, its longest-serving former manager stands in.
  const row = useLiveQuery(async () => {
    const me = await db.staff.get(signedIn.staff);
    return me
      ? { ...me, role: actingRole(me, await db.staff.toArray(), await db.staffLog.toArray()) }
      : null;
  }, [db, signedIn.staff]);
  const gone = row === null || row?.removedMs !== undefined;
  useEffect(() => {
    if (gone) signOut();
  }, [gone, signOut]);
  const session = useMemo(
    () => (row ? { ...signedIn, name: row.name, role: row.role } : signedIn),
    [row, signedIn],
  );
  return (
    <TerminalContext.Provider value={{ db, session, online, signOut }}>
      {children}
    </TerminalContext.Provider>
  );
}

export function useTerminal(): Terminal {
  const terminal = useContext(TerminalContext);
  if (!terminal) throw new Error('useTerminal outside a TerminalProvider: a bug.');
  return terminal;
}

/** The context the counter's actions take, as of now. */
export function useCounterContext(): () => CounterContext {
  const { db, session, online } = useTerminal();
  return () => ({ db, session, online });
}
