/**
 * One counter action at a time on this terminal: the clock and `seq` are read, the
 * events signed, and the result committed in turn. Across tabs of the same terminal the
 * Web Locks API holds the lock; where it is missing (Node tests, old browsers) a queue
 * in this page does.
 */
const LOCK_NAME = 'treu-append';
let queue: Promise<unknown> = Promise.resolve();

/** Appends of this page running now, and who wants to know when that changes. */
let running = 0;
const busyListeners = new Set<(busy: boolean) => void>();

/** Tells `listener` when this page starts writing and when it has finished (the updater waits). */
export function onAppendBusy(listener: (busy: boolean) => void): () => void {
  busyListeners.add(listener);
  return () => {
    busyListeners.delete(listener);
  };
}

function tracked<T>(work: () => Promise<T>): () => Promise<T> {
  return async () => {
    running += 1;
    if (running === 1) for (const listener of busyListeners) listener(true);
    try {
      return await work();
    } finally {
      running -= 1;
      if (running === 0) for (const listener of busyListeners) listener(false);
    }
  };
}

export function withAppendLock<T>(action: () => Promise<T>): Promise<T> {
  const work = tracked(action);
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (locks) {
    return new Promise<T>((resolve, reject) => {
      // The lock is held until the callback's promise settles, that is until `work` has.
      void locks.request(LOCK_NAME, () => work().then(resolve, reject));
    });
  }
  const next = queue.then(work, work);
  // The queue goes on after a failed action; the caller still sees the failure.
  queue = next.catch(() => undefined);
  return next;
}
