/**
 * Where the counter is, for the desktop terminal's updater, which installs only when no
 * member is on screen and nothing is being written: the member panel says when a member
 * is shown, and every signed append (counter, manager, enrolment) says when it writes.
 */
import { onAppendBusy } from '../terminal/append-lock';
import { reportCounterState } from './desktop-bridge';

let memberOnScreen = false;
let actionInProgress = false;

const report = () => {
  reportCounterState({ memberOnScreen, actionInProgress });
};

export function setMemberOnScreen(shown: boolean): void {
  if (shown === memberOnScreen) return;
  memberOnScreen = shown;
  report();
}

/** Follows the appends of this page until the returned function is called. */
export function followAppends(): () => void {
  return onAppendBusy((busy) => {
    actionInProgress = busy;
    report();
  });
}
