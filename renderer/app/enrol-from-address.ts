/**
 * `npm start` opens the terminal at `…/#enrol=CODE`: once the terminal is set up, it enrols
 * with the server it was loaded from, with that code, and the code leaves the address
 * bar. After a failure the code stays, so a reload tries again; Settings → Server can
 * enrol by hand.
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
    void enrolTerminal(db, { server: location.origin, code, name: 'Terminal' })
      .then((result) => {
        // Kept after a failure: a reload tries again, and Settings → Server is there too.
        if (result.ok) history.replaceState(null, '', location.pathname + location.search);
        else console.warn(`Enrolment with ${location.origin} failed: ${result.error.code}`);
      })
      .catch((error: unknown) => {
        console.warn(`Enrolment with ${location.origin} failed: ${String(error)}`);
      });
  }, [db, setUp, enrolled]);
}
