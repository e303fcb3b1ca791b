/**
 * "A new version is ready — Reload": a small note in a corner, shown only when the
 * tablet's service worker has a new version waiting. Nothing reloads until someone
 * presses the button, so a stamp or an enrolment in progress is never cut off.
 */
import { useState, useSyncExternalStore } from 'react';
import { useI18n } from '../i18n/i18n';
import { updateState } from './update-state';
import './pwa.css';

export function UpdatePrompt() {
  const { t } = useI18n();
  const { waiting } = useSyncExternalStore(updateState.subscribe, updateState.get);
  const [reloading, setReloading] = useState(false);
  if (!waiting) return null;
  return (
    <aside className="update-prompt" role="status">
      <span>{t.pwa.updateReady}</span>
      <button
        type="button"
        className="primary"
        disabled={reloading}
        onClick={() => {
          setReloading(true);
          updateState.apply();
        }}
      >
        {reloading ? t.pwa.reloading : t.pwa.reload}
      </button>
    </aside>
  );
}
