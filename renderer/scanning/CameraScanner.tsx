/**
 * QR scanning with a camera through html5-qrcode. The chosen camera is remembered in the
 * terminal's settings. A code held in front of the camera is read many times a second;
 * the same text is handed over once, until a different one is seen or some seconds pass.
 */
import { Html5Qrcode, Html5QrcodeSupportedFormats, type CameraDevice } from 'html5-qrcode';
import { useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n';

const SAME_CODE_QUIET_MS = 3_000;

type CameraProblem = 'no_camera' | 'denied' | undefined;

export function CameraScanner(props: {
  cameraId: string | undefined;
  onCameraChosen: (cameraId: string) => void;
  onScan: (text: string) => void;
}) {
  const { t } = useI18n();
  const elementId = `camera-${useId().replace(/[^a-zA-Z0-9_-]/gu, '')}`;
  const [cameras, setCameras] = useState<CameraDevice[]>([]);
  const [problem, setProblem] = useState<CameraProblem>();
  const onScan = useRef(props.onScan);
  onScan.current = props.onScan;
  const chosen = cameras.find((c) => c.id === props.cameraId)?.id ?? cameras[0]?.id;

  useEffect(() => {
    let cancelled = false;
    Html5Qrcode.getCameras().then(
      (found) => {
        if (cancelled) return;
        setCameras(found);
        setProblem(found.length === 0 ? 'no_camera' : undefined);
      },
      () => {
        // getCameras rejects when the camera permission is refused.
        if (!cancelled) setProblem('denied');
      },
    );
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(() => {
    if (chosen === undefined) return undefined;
    const scanner = new Html5Qrcode(elementId, {
      verbose: false,
      formatsToSupport: [Html5QrcodeSupportedFormats.QR_CODE],
    });
    let last = { text: '', atMs: 0 };
    const started = scanner
      .start(
        chosen,
        {
          fps: 10,
          // The scanned square: most of the picture, so a code need not be held just so.
          qrbox: (width, height) => {
            const side = Math.floor(Math.min(width, height) * 0.8);
            return { width: side, height: side };
          },
        },
        (text) => {
          const nowMs = performance.now();
          if (text === last.text && nowMs - last.atMs < SAME_CODE_QUIET_MS) return;
          last = { text, atMs: nowMs };
          onScan.current(text);
        },
        () => undefined, // every frame without a code reports an error: not one to show
      )
      .catch(() => {
        setProblem('denied');
      });
    return () => {
      void started
        .then(() => (scanner.isScanning ? scanner.stop() : undefined))
        .catch(() => undefined);
    };
  }, [chosen, elementId]);

  return (
    <div className="camera">
      {cameras.length > 1 && (
        <label className="field">
          <span>{t.counter.chooseCamera}</span>
          <select
            value={chosen}
            onChange={(event) => {
              props.onCameraChosen(event.target.value);
            }}
          >
            {cameras.map((camera) => (
              <option key={camera.id} value={camera.id}>
                {camera.label || camera.id}
              </option>
            ))}
          </select>
        </label>
      )}
      {problem === 'no_camera' && <p role="alert">{t.counter.noCamera}</p>}
      {problem === 'denied' && <p role="alert">{t.counter.cameraDenied}</p>}
      <div id={elementId} className="camera-view" data-testid="camera-view" />
    </div>
  );
}
