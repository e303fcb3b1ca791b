/**
 * The parts of the Electron bridge (`window.treu`) the terminal uses beyond the card
 * reader's cards: the reader's and the updater's status, the counter's state for the
 * updater, and the server whose feed the updater reads. Each part is looked for on its
 * own and used only if present: a browser has no bridge, and an older shell may lack a
 * part. What comes over the bridge is checked like any other input.
 */
import { useEffect, useState } from 'react';
import {
  readerStatusSchema,
  updaterStatusSchema,
  type CounterState,
  type ReaderStatus,
  type UpdaterStatus,
} from '../../shared/bridge/contract';

type Fn = (...args: never[]) => unknown;

/** `window.treu[part][method]` if it is a function, bound to its part. */
export function bridgeMethod(part: string, method: string): Fn | undefined {
  const bridge: unknown = window.treu;
  if (typeof bridge !== 'object' || bridge === null) return undefined;
  const section: unknown = (bridge as Record<string, unknown>)[part];
  if (typeof section !== 'object' || section === null) return undefined;
  const fn: unknown = (section as Record<string, unknown>)[method];
  return typeof fn === 'function' ? (fn.bind(section) as Fn) : undefined;
}

/** Follows a status on the bridge: its current value, then every change. */
function useBridgeStatus<T>(
  part: 'reader' | 'updater',
  parse: (value: unknown) => T | undefined,
): T | undefined {
  const [status, setStatus] = useState<T | undefined>(undefined);
  useEffect(() => {
    const current = bridgeMethod(part, 'status') as (() => Promise<unknown>) | undefined;
    const onStatus = bridgeMethod(part, 'onStatus') as
      ((listener: (value: unknown) => void) => unknown) | undefined;
    if (!current || !onStatus) return undefined;
    let live = true;
    // Once a change has come, a late answer to the first question is older than it.
    let changed = false;
    const take = (value: unknown) => {
      const parsed = parse(value);
      if (live && parsed !== undefined) setStatus(parsed);
    };
    const stop = onStatus((value) => {
      changed = true;
      take(value);
    });
    current().then(
      (answer) => {
        const { ok, value } = (answer ?? {}) as { ok?: unknown; value?: unknown };
        if (ok === true && !changed) take(value);
      },
      // The shell could not say: the status arrives with its next change.
      () => undefined,
    );
    return () => {
      live = false;
      if (typeof stop === 'function') (stop as () => void)();
    };
  }, [part, parse]);
  return status;
}

const parseReader = (value: unknown): ReaderStatus | undefined => {
  const parsed = readerStatusSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
};
const parseUpdater = (value: unknown): UpdaterStatus | undefined => {
  const parsed = updaterStatusSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
};

/** The card reader's state, in the Electron terminal; undefined elsewhere. */
export const useReaderStatus = (): ReaderStatus | undefined =>
  useBridgeStatus('reader', parseReader);

/** The updater's state, in the Electron terminal; undefined elsewhere. */
export const useUpdaterStatus = (): UpdaterStatus | undefined =>
  useBridgeStatus('updater', parseUpdater);

/** Tells the updater where the counter is, so it never restarts in the middle of work. */
export function reportCounterState(state: CounterState): void {
  const report = bridgeMethod('updater', 'reportCounter') as
    ((state: CounterState) => Promise<unknown>) | undefined;
  // A lost report only delays an update: nothing to tell the cashier.
  void report?.(state).catch(() => undefined);
}

/** Tells the updater the server the terminal syncs with: its `/updates/` is the feed. */
export function tellUpdaterServer(address: string): void {
  const use = bridgeMethod('updater', 'useServer') as
    ((address: string) => Promise<unknown>) | undefined;
  void use?.(address).catch(() => undefined);
}
