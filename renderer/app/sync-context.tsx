/**
 * The sync loop for the whole app, while the terminal is enrolled: started when the
 * server link appears, nudged when the outbox grows, stopped when the app goes. Screens
 * get "sync now", whether a sync is under way, and its progress.
 */
import { tellUpdaterServer } from './desktop-bridge';
import { useLiveQuery } from 'dexie-react-hooks';
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { TreuDatabase } from '../storage/database';
import { readMeta } from '../storage/meta';
import { startSyncLoop, type SyncLoop, type SyncOutcome } from '../sync/sync-loop';

export interface SyncControls {
  readonly enrolled: boolean;
  readonly busy: boolean;
  readonly progress: { readonly pushed: number; readonly pulled: number } | undefined;
  /** Events recorded here that the server does not have yet; undefined until counted. */
  readonly pendingEvents: number | undefined;
  syncNow(): Promise<SyncOutcome | undefined>;
}

const SyncContext = createContext<SyncControls>({
  enrolled: false,
  busy: false,
  progress: undefined,
  pendingEvents: undefined,
  syncNow: () => Promise.resolve(undefined),
});

export function SyncProvider(props: { db: TreuDatabase; children: ReactNode }) {
  const { db } = props;
  const server = useLiveQuery(() => readMeta(db, 'server'), [db]);
  // Events and staff changes the server does not have yet: when they grow, push soon.
  const outbox = useLiveQuery(async () => {
    const [events, staff] = await Promise.all([
      db.events.where('pending').equals(1).count(),
      db.staff.where('pending').equals(1).count(),
    ]);
    return { events, staff };
  }, [db]);
  const pending = outbox && outbox.events + outbox.staff;
  const loop = useRef<SyncLoop | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<SyncControls['progress']>();
  const enrolled = server !== undefined;
  const serverUrl = server?.url;

  // The desktop terminal's updates come from the server it syncs with.
  useEffect(() => {
    if (serverUrl) tellUpdaterServer(serverUrl);
  }, [serverUrl]);

  useEffect(() => {
    if (!enrolled) return undefined;
    const started = startSyncLoop(db, {
      onBusy: (now) => {
        setBusy(now);
        if (now) setProgress({ pushed: 0, pulled: 0 });
      },
      onProgress: setProgress,
    });
    loop.current = started;
    return () => {
      started.stop();
      loop.current = undefined;
    };
  }, [db, enrolled]);

  // The outbox grew: a counter action was recorded. Push it soon.
  const lastPending = useRef(0);
  useEffect(() => {
    if (pending !== undefined && pending > lastPending.current) loop.current?.nudge();
    lastPending.current = pending ?? 0;
  }, [pending]);

  const controls: SyncControls = {
    enrolled,
    busy,
    progress,
    pendingEvents: outbox?.events,
    syncNow: () => loop.current?.syncNow() ?? Promise.resolve(undefined),
  };
  return <SyncContext.Provider value={controls}>{props.children}</SyncContext.Provider>;
}

export const useSync = (): SyncControls => useContext(SyncContext);
