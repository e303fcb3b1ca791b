/** The desktop terminal's updater: its state in words, and "Check now". */
import { useEffect, useState } from 'react';
import { updaterStatusSchema, type UpdaterStatus } from '../../../shared/bridge/contract';
import { callBridge, useUpdaterStatus } from '../../app/desktop-bridge';
import { describeBridgeProblem, describeUpdaterStatus } from '../../i18n/describe-desktop';
import { useI18n } from '../../i18n/i18n';

export function UpdateSettings(props: { canChange: boolean }) {
  const { t } = useI18n();
  const words = t.desktop.update;
  const live = useUpdaterStatus();
  const [status, setStatus] = useState<UpdaterStatus>();
  const [asking, setAsking] = useState(false);
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    if (live) setStatus(live);
  }, [live]);

  const checkNow = async () => {
    setAsking(true);
    setProblem(undefined);
    const answer = await callBridge('updater', 'checkNow', updaterStatusSchema);
    setAsking(false);
    if (answer.ok) setStatus(answer.value);
    else setProblem(describeBridgeProblem(t, answer.problem, answer.detail));
  };

  const busy =
    asking ||
    status?.state === 'checking' ||
    status?.state === 'downloading' ||
    status?.state === 'installing';
  const shown: UpdaterStatus | undefined = asking ? { state: 'checking' } : status;

  return (
    <section aria-labelledby="desktop-update-heading" aria-busy={busy}>
      <h3 id="desktop-update-heading">{words.heading}</h3>
      <p role="status" data-testid="desktop-update-status">
        {shown ? describeUpdaterStatus(t, shown) : ''}
      </p>
      {shown?.state === 'downloading' && (
        <progress
          max={100}
          value={shown.percent ?? 0}
          aria-label={describeUpdaterStatus(t, shown)}
        />
      )}
      {props.canChange && (
        <button type="button" disabled={busy} onClick={() => void checkNow()}>
          {shown?.state === 'checking' ? words.checking : words.checkNow}
        </button>
      )}
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
