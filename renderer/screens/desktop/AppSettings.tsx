/** The desktop app itself: its version and system, and "Quit Treu" (asked first). */
import { useState } from 'react';
import { z } from 'zod';
import { appInfoSchema } from '../../../shared/bridge/contract';
import { callBridge, useBridgeQuery } from '../../app/desktop-bridge';
import { describeBridgeProblem } from '../../i18n/describe-desktop';
import { useI18n } from '../../i18n/i18n';
import { ConfirmDialog } from '../../ui/ConfirmDialog';

export function AppSettings(props: { canChange: boolean }) {
  const { t } = useI18n();
  const words = t.desktop.app;
  const info = useBridgeQuery('app', 'info', appInfoSchema);
  const [confirming, setConfirming] = useState(false);
  const [quitting, setQuitting] = useState(false);
  const [problem, setProblem] = useState<string>();

  const quit = async () => {
    setConfirming(false);
    setQuitting(true);
    setProblem(undefined);
    const answer = await callBridge('app', 'quit', z.null());
    // On success the window closes; reaching here again means it did not.
    setQuitting(false);
    if (!answer.ok) setProblem(describeBridgeProblem(t, answer.problem, answer.detail));
  };

  const infoProblem =
    info.outcome && !info.outcome.ok
      ? describeBridgeProblem(t, info.outcome.problem, info.outcome.detail)
      : undefined;

  return (
    <section aria-labelledby="desktop-app-heading">
      <h3 id="desktop-app-heading">{words.heading}</h3>
      {info.outcome?.ok && (
        <dl data-testid="desktop-app-info">
          <dt>{words.version}</dt>
          <dd>{info.outcome.value.version}</dd>
          <dt>{words.platform}</dt>
          <dd>{info.outcome.value.platform}</dd>
          <dt>{words.electron}</dt>
          <dd>{info.outcome.value.electron}</dd>
        </dl>
      )}
      {props.canChange && (
        <button
          type="button"
          className="danger"
          disabled={quitting}
          onClick={() => {
            setConfirming(true);
          }}
        >
          {words.quit}
        </button>
      )}
      {confirming && (
        <ConfirmDialog
          text={words.quitConfirm}
          confirm={words.quitYes}
          cancel={words.cancel}
          onConfirm={() => void quit()}
          onCancel={() => {
            setConfirming(false);
          }}
        />
      )}
      {(problem ?? infoProblem) && (
        <p className="error" role="alert">
          {problem ?? infoProblem}
        </p>
      )}
    </section>
  );
}
