/**
 * Where a scan goes. Scans come from the keyboard-wedge listener, the camera and the
 * Electron bridge's card reader; the screen in front takes them (the counter identifies
 * the member, enrolment takes a new card or a referrer). A screen claims scans with
 * `useScanHandler`; when none does, the fallback (the shell: go to the counter) does.
 */
import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';

export type ScanSource = 'wedge' | 'camera' | 'reader' | 'typed';

export interface Scan {
  readonly text: string;
  readonly source: ScanSource;
}

type ScanHandler = (scan: Scan) => void;

interface ScanRouter {
  deliver(scan: Scan): void;
  claim(handler: ScanHandler): () => void;
}

const ScanRouterContext = createContext<ScanRouter | undefined>(undefined);

export function ScanRouterProvider(props: { fallback: ScanHandler; children: ReactNode }) {
  const handlers = useRef<ScanHandler[]>([]);
  const fallback = useRef(props.fallback);
  fallback.current = props.fallback;
  const router = useRef<ScanRouter>({
    deliver(scan) {
      const handler = handlers.current.at(-1) ?? fallback.current;
      handler(scan);
    },
    claim(handler) {
      handlers.current.push(handler);
      return () => {
        handlers.current = handlers.current.filter((h) => h !== handler);
      };
    },
  });
  return (
    <ScanRouterContext.Provider value={router.current}>{props.children}</ScanRouterContext.Provider>
  );
}

export function useScanRouter(): ScanRouter {
  const router = useContext(ScanRouterContext);
  if (!router) throw new Error('useScanRouter outside a ScanRouterProvider: a bug.');
  return router;
}

/** Takes the scans while the calling screen is mounted (the newest claim wins). */
export function useScanHandler(handler: ScanHandler): void {
  const router = useScanRouter();
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(
    () =>
      router.claim((scan) => {
        latest.current(scan);
      }),
    [router],
  );
}
