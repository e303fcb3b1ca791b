/**
 * The card reader of the desktop terminal: its state as it changes, the USB input devices
 * plugged in now (the ones Treu knows marked), and for a manager the choice of one of
 * them, any known reader, or none.
 */
import { useEffect, useState } from 'react';
import { z } from 'zod';
import {
  hidDeviceSchema,
  readerStatusSchema,
  type HidDeviceChoice,
  type ReaderChoice,
  type ReaderStatus,
} from '../../../shared/bridge/contract';
import { callBridge, useBridgeQuery, useReaderStatus } from '../../app/desktop-bridge';
import {
  describeBridgeProblem,
  describeReaderStatus,
  formatUsbId,
} from '../../i18n/describe-desktop';
import { useI18n } from '../../i18n/i18n';

const devicesSchema = z.array(hidDeviceSchema);

export function ReaderSettings(props: { canChange: boolean }) {
  const { t } = useI18n();
  const words = t.desktop.reader;
  const live = useReaderStatus();
  const [status, setStatus] = useState<ReaderStatus>();
  const devices = useBridgeQuery('reader', 'devices', devicesSchema);
  const [switching, setSwitching] = useState(false);
  const [problem, setProblem] = useState<string>();

  // The newest of the two: a change the shell sends, or the answer to a choice.
  useEffect(() => {
    if (live) setStatus(live);
  }, [live]);

  const choose = async (choice: ReaderChoice) => {
    setSwitching(true);
    setProblem(undefined);
    const answer = await callBridge('reader', 'choose', readerStatusSchema, choice);
    setSwitching(false);
    if (answer.ok) setStatus(answer.value);
    else setProblem(describeBridgeProblem(t, answer.problem, answer.detail));
  };

  const listProblem =
    devices.outcome && !devices.outcome.ok
      ? describeBridgeProblem(t, devices.outcome.problem, devices.outcome.detail)
      : undefined;
  const list: HidDeviceChoice[] = devices.outcome?.ok ? devices.outcome.value : [];

  return (
    <section aria-labelledby="desktop-reader-heading">
      <h3 id="desktop-reader-heading">{words.heading}</h3>
      <p role="status" data-testid="desktop-reader-status">
        {switching ? words.switching : status ? describeReaderStatus(t, status) : ''}
      </p>
      <h4 id="desktop-devices-heading">{words.devices}</h4>
      {devices.loading && <p>{words.loadingDevices}</p>}
      {!devices.loading && devices.outcome?.ok && list.length === 0 && <p>{words.noDevices}</p>}
      {list.length > 0 && (
        <ul className="desktop-devices" aria-labelledby="desktop-devices-heading">
          {list.map((device, index) => (
            <li key={`${index}-${device.vendorId}:${device.productId}`}>
              <span className="desktop-device-name">{device.name}</span>{' '}
              <span className="desktop-device-ids">
                {words.ids(formatUsbId(device.vendorId), formatUsbId(device.productId))}
              </span>
              {device.known && <strong className="desktop-known">{words.known}</strong>}
              {props.canChange && (
                <button
                  type="button"
                  disabled={switching}
                  onClick={() =>
                    void choose({
                      kind: 'device',
                      vendorId: device.vendorId,
                      productId: device.productId,
                    })
                  }
                >
                  {words.use(device.name)}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <div className="row">
        {props.canChange && (
          <>
            <button
              type="button"
              disabled={switching}
              onClick={() => void choose({ kind: 'known' })}
            >
              {words.anyKnown}
            </button>
            <button type="button" disabled={switching} onClick={() => void choose({ kind: 'off' })}>
              {words.off}
            </button>
          </>
        )}
        <button type="button" disabled={devices.loading} onClick={devices.reload}>
          {words.refresh}
        </button>
      </div>
      {(problem ?? listProblem) && (
        <p className="error" role="alert">
          {problem ?? listProblem}
        </p>
      )}
    </section>
  );
}
