/**
 * A button that switches the camera scanner on and off, and the scanner while it is on.
 * The QR decoder is most of the app's code: it loads when the camera is first switched
 * on. The camera chosen is remembered in the terminal's settings.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense } from 'react';
import { useTerminal } from '../app/terminal-context';
import { useI18n } from '../i18n/i18n';
import { readMeta, writeMeta } from '../storage/meta';

const CameraScanner = lazy(() =>
  import('./CameraScanner').then((module) => ({ default: module.CameraScanner })),
);

export function CameraToggle(props: {
  startLabel: string;
  stopLabel: string;
  /** On or off, kept by the screen: the counter keeps it on between members. */
  on: boolean;
  onChange: (on: boolean) => void;
  onScan: (text: string) => void;
}) {
  const { t } = useI18n();
  const { db } = useTerminal();
  const settings = useLiveQuery(() => readMeta(db, 'settings'), [db]);
  const camera = props.on;
  return (
    <>
      <button
        type="button"
        className="big"
        aria-pressed={camera}
        onClick={() => {
          props.onChange(!camera);
        }}
      >
        {camera ? props.stopLabel : props.startLabel}
      </button>
      {camera && (
        <Suspense fallback={<p>{t.app.loading}</p>}>
          <CameraScanner
            cameraId={settings?.cameraId}
            onCameraChosen={(cameraId) => {
              if (settings) void writeMeta(db, 'settings', { ...settings, cameraId });
            }}
            onScan={props.onScan}
          />
        </Suspense>
      )}
    </>
  );
}
