/**
 * `npm start` opens the terminal at `…/#enrol=CODE`: once the terminal is set up, it enrols
 * with the server it was loaded from, with that code, and the code leaves the address
 * bar. A failure shows where enrolment always shows (Settings → Server); nothing else.
 */
import { useEffect } from 'react';
import type { TreuDatabase } from '../storage/database';
import { enrolTerminal } from '../sync/enrol-terminal';

/** The code in an address's fragment, `#enrol=CODE`. */
export function enrolCodeIn(hash: string): string | undefined {
  const code = new URLSearchParams(hash.replace(/^#/u, '')).get('enrol')?.trim();
  return code ? code : undefined;
}

export function useEnrolFromAddress(
  db: TreuDatabase,
  setUp: boolean,
  enrolled: boolean | undefined,
): void {
  useEffect(() => {
    if (!setUp || enrolled !== false) return;
    const code = enrolCodeIn(location.hash);
    if (code === undefined) return;
    history.replaceState(null, '', location.pathname + location.search);
    void enrolTerminal(db, { server: location.origin, code, name: 'Terminal' });
  }, [db, setUp, enrolled]);
}
