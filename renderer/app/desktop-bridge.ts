/**
 * The parts of the Electron bridge (`window.treu`) the terminal uses beyond the card
 * reader's cards: the reader's and the updater's status, the counter's state for the
 * updater, and the server whose feed the updater reads. Each part is looked for on its
 * own and used only if present: a browser has no bridge, and an older shell may lack a
 * part. What comes over the bridge is checked like any other input.
 */
import { useCallback, useEffect, useState } from 'react';
import { z } from 'zod';
import {
  readerStatusSchema,
  updaterStatusSchema,
  type BridgeError,
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

/** Whether this page runs in the Electron terminal: the preload put the bridge there before any script. */
export function hasBridge(): boolean {
  const bridge: unknown = window.treu;
  return typeof bridge === 'object' && bridge !== null;
}

/** Why a bridge call did not give a value: the shell's code, or `no_answer` for none it could give. */
export type BridgeProblem = BridgeError['code'] | 'no_answer';

/** A bridge call's answer, checked. */
export type BridgeOutcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problem: BridgeProblem; readonly detail: string | undefined };

const answerSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error: z.object({
      code: z.enum(['invalid_input', 'not_allowed', 'unavailable', 'failed']),
      message: z.string(),
    }) satisfies z.ZodType<BridgeError>,
  }),
]);

const NO_ANSWER = { ok: false, problem: 'no_answer', detail: undefined } as const;

/**
 * What the shell answered, checked against the contract's schema for the value: anything
 * malformed is `no_answer`, never a success.
 */
export function readBridgeAnswer<T>(answer: unknown, value: z.ZodType<T>): BridgeOutcome<T> {
  const parsed = answerSchema.safeParse(answer);
  if (!parsed.success) return NO_ANSWER;
  if (!parsed.data.ok) {
    const { code, message } = parsed.data.error;
    return { ok: false, problem: code, detail: message === '' ? undefined : message };
  }
  const checked = value.safeParse(parsed.data.value);
  return checked.success ? { ok: true, value: checked.data } : NO_ANSWER;
}

/**
 * Calls `window.treu[part][method](...args)` and checks its answer. A missing method is
 * `unavailable` (an older shell); a throw, which the contract rules out, is `no_answer`.
 */
export async function callBridge<T>(
  part: string,
  method: string,
  value: z.ZodType<T>,
  ...args: unknown[]
): Promise<BridgeOutcome<T>> {
  const fn = bridgeMethod(part, method) as ((...args: unknown[]) => unknown) | undefined;
  if (!fn) return { ok: false, problem: 'unavailable', detail: undefined };
  try {
    return readBridgeAnswer(await fn(...args), value);
  } catch (error) {
    // The bridge promises never to throw; an older or broken shell might.
    return {
      ok: false,
      problem: 'no_answer',
      detail: error instanceof Error ? error.message : String(error),
    };
  }
}

/** A question to the bridge asked when the component shows, and again on `reload`. */
export interface BridgeQuery<T> {
  /** Undefined until the first answer. */
  readonly outcome: BridgeOutcome<T> | undefined;
  readonly loading: boolean;
  readonly reload: () => void;
}

/** Asks `window.treu[part][method]()`; `value` must be a module constant (it is a dependency). */
export function useBridgeQuery<T>(
  part: string,
  method: string,
  value: z.ZodType<T>,
): BridgeQuery<T> {
  const [outcome, setOutcome] = useState<BridgeOutcome<T>>();
  const [asked, setAsked] = useState(0);
  const [loading, setLoading] = useState(true);
  useEffect(() => {
    let live = true;
    setLoading(true);
    void callBridge(part, method, value).then((answer) => {
      if (!live) return;
      setOutcome(answer);
      setLoading(false);
    });
    return () => {
      live = false;
    };
  }, [part, method, value, asked]);
  const reload = useCallback(() => {
    setAsked((n) => n + 1);
  }, []);
  return { outcome, loading, reload };
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
