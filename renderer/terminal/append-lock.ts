/**
 * One counter action at a time on this terminal: the clock and `seq` are read, the
 * events signed, and the result committed in turn. Across tabs of the same terminal the
 * Web Locks API holds the lock; where it is missing (Node tests, old browsers) a queue
 * in this page does.
 */
const LOCK_NAME = 'treu-append';
let queue: Promise<unknown> = Promise.resolve();

export function withAppendLock<T>(work: () => Promise<T>): Promise<T> {
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
