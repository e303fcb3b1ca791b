/** What every screen needs: the database, who is signed in, and whether the network is there. */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { TreuDatabase } from '../storage/database';
import type { CounterContext } from '../terminal/counter-actions';
import type { Session } from '../terminal/sign-in';

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
  const { db, session, signOut, children } = props;
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
