/**
 * The one fact the update prompt shows: a new version of the app is installed and
 * waiting. A tiny store outside React, since the worker's registration starts before
 * the first render and lives as long as the page.
 */
export interface UpdateState {
  /** A new version waits; `apply` starts it (the page reloads once it has taken over). */
  readonly waiting: boolean;
}

type Listener = () => void;

let state: UpdateState = { waiting: false };
let apply: () => void = () => undefined;
const listeners = new Set<Listener>();

export const updateState = {
  get: (): UpdateState => state,
  subscribe: (listener: Listener): (() => void) => {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
  /** The worker reports a waiting version; `start` is what "Reload" does. */
  offer: (start: () => void): void => {
    apply = start;
    state = { waiting: true };
    for (const listener of listeners) listener();
  },
  /** "Reload" pressed. */
  apply: (): void => {
    apply();
  },
};
