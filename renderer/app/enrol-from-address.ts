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

/**
 * The server to enrol with: the page's own origin, unless the fragment names one
 * (`&server=…`, as the desktop terminal's pages come from treu://app, not the server).
 */
export function enrolServerIn(hash: string, origin: string): string {
  const named = new URLSearchParams(hash.replace(/^#/u, '')).get('server')?.trim();
  return named ? named : origin;
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
    const server = enrolServerIn(location.hash, location.origin);
    void enrolTerminal(db, { server, code, name: 'Terminal' })
      .then((result) => {
        // Kept after a failure: a reload tries again, and Settings → Server is there too.
        if (result.ok) history.replaceState(null, '', location.pathname + location.search);
        else console.warn(`Enrolment with ${server} failed: ${result.error.code}`);
      })
      .catch((error: unknown) => {
        console.warn(`Enrolment with ${server} failed: ${String(error)}`);
      });
  }, [db, setUp, enrolled]);
}
