/** How the desktop terminal's window fills the screen: kiosk, full screen or a window. */
import { useEffect, useState } from 'react';
import { windowModeSchema, type WindowMode } from '../../../shared/bridge/contract';
import { callBridge, useBridgeQuery } from '../../app/desktop-bridge';
import { describeBridgeProblem } from '../../i18n/describe-desktop';
import { useI18n } from '../../i18n/i18n';

const MODES: readonly WindowMode[] = windowModeSchema.options;

export function WindowModeSettings(props: { canChange: boolean }) {
  const { t } = useI18n();
  const words = t.desktop.window;
  const current = useBridgeQuery('kiosk', 'mode', windowModeSchema);
  const [mode, setMode] = useState<WindowMode>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    if (current.outcome?.ok) setMode(current.outcome.value);
  }, [current.outcome]);

  const change = async (wanted: WindowMode) => {
    setBusy(true);
    setProblem(undefined);
    const answer = await callBridge('kiosk', 'setMode', windowModeSchema, wanted);
    setBusy(false);
    if (answer.ok) setMode(answer.value);
    else setProblem(describeBridgeProblem(t, answer.problem, answer.detail));
  };

  const readProblem =
    current.outcome && !current.outcome.ok
      ? describeBridgeProblem(t, current.outcome.problem, current.outcome.detail)
      : undefined;

  return (
    <section aria-labelledby="desktop-window-heading">
      <h3 id="desktop-window-heading">{words.heading}</h3>
      <div
        className="desktop-modes"
        role="radiogroup"
        aria-label={words.mode}
        aria-busy={busy || current.loading}
      >
        {MODES.map((option) => (
          <label key={option} className="check">
            <input
              type="radio"
              name="desktop-window-mode"
              value={option}
              checked={mode === option}
              disabled={!props.canChange || busy || mode === undefined}
              onChange={() => void change(option)}
            />
            <span>{words.modes[option]}</span>
          </label>
        ))}
      </div>
      {(problem ?? readProblem) && (
        <p className="error" role="alert">
          {problem ?? readProblem}
        </p>
      )}
    </section>
  );
}
