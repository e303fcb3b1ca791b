/**
 * When a downloaded update may be installed. Installing restarts the terminal, so never
 * while a counter action is being written, never with a member on screen, and then only
 * once the counter has been idle for the configured minutes, or, if so configured, only
 * within the configured hour of the day (a café that closes at 8 pm installs at 9).
 */

export interface InstallRule {
  readonly when: 'idle' | 'hour';
  /** `idle`: minutes without a member on screen before installing. */
  readonly idleMinutes: number;
  /** `hour`: the local hour of the day, 0 to 23, in which to install. */
  readonly hour: number;
}

export interface CounterActivity {
  readonly memberOnScreen: boolean;
  readonly actionInProgress: boolean;
  /** When the counter last had a member on screen or an action (ms); the start if never. */
  readonly lastBusyMs: number;
}

export type InstallDecision =
  | { readonly install: true }
  | {
      readonly install: false;
      readonly reason: 'action_in_progress' | 'member_on_screen' | 'not_idle_yet' | 'not_the_hour';
    };

export function decideInstall(
  rule: InstallRule,
  activity: CounterActivity,
  nowMs: number,
  localHour: number,
): InstallDecision {
  if (activity.actionInProgress) return { install: false, reason: 'action_in_progress' };
  if (activity.memberOnScreen) return { install: false, reason: 'member_on_screen' };
  if (rule.when === 'hour') {
    return localHour === rule.hour ? { install: true } : { install: false, reason: 'not_the_hour' };
  }
  return nowMs - activity.lastBusyMs >= rule.idleMinutes * 60_000
    ? { install: true }
    : { install: false, reason: 'not_idle_yet' };
}

/** Follows the counter's reports: keeps the time it was last busy. */
export function trackCounter(startMs: number) {
  let activity: CounterActivity = {
    memberOnScreen: false,
    actionInProgress: false,
    lastBusyMs: startMs,
  };
  return {
    report(state: { memberOnScreen: boolean; actionInProgress: boolean }, nowMs: number) {
      const wasBusy = activity.memberOnScreen || activity.actionInProgress;
      const busy = state.memberOnScreen || state.actionInProgress;
      activity = { ...state, lastBusyMs: busy || wasBusy ? nowMs : activity.lastBusyMs };
    },
    current: (): CounterActivity => activity,
  };
}
