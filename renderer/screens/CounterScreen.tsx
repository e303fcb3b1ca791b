/**
 * The counter: waits for a scan (scanner, camera, bridge card reader) or a search, then
 * shows the member with the actions. Scans while a member is shown switch to the new one.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTerminal } from '../app/terminal-context';
import { describeIdentifyError } from '../i18n/describe';
import { useI18n } from '../i18n/i18n';
import { readMeta, writeMeta } from '../storage/meta';
import { identify } from '../terminal/identify';
import { CameraScanner } from '../scanning/CameraScanner';
import { useScanHandler, type Scan } from '../scanning/scan-router';
import { useAnnounce } from '../ui/Announcer';
import { MemberPanel } from './MemberPanel';
import { MemberSearch } from './MemberSearch';

export interface AtCounter {
  readonly memberId: string;
  readonly cardId?: string | undefined;
}

export function CounterScreen(props: {
  current: AtCounter | undefined;
  onCurrent: (at: AtCounter | undefined) => void;
  /** A scan that arrived while another screen was in front. */
  pendingScan?: Scan | undefined;
  onPendingScanTaken?: () => void;
}) {
  const { t } = useI18n();
  const { db } = useTerminal();
  const announce = useAnnounce();
  const [camera, setCamera] = useState(false);
  const settings = useLiveQuery(() => readMeta(db, 'settings'), [db]);

  const onScanText = async (text: string) => {
    const found = await identify(db, text);
    if (found.ok) {
      setCamera(false);
      props.onCurrent({ memberId: found.value.member.id, cardId: found.value.card.id });
    } else {
      announce(describeIdentifyError(t, found.error), 'refused');
    }
  };
  useScanHandler((scan) => void onScanText(scan.text));
  const { pendingScan, onPendingScanTaken } = props;
  useEffect(() => {
    if (!pendingScan) return;
    onPendingScanTaken?.();
    void onScanText(pendingScan.text);
    // onScanText is a new function each render; the scan is what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pendingScan]);

  if (props.current) {
    return (
      <main className="screen">
        <MemberPanel
          key={props.current.memberId}
          memberId={props.current.memberId}
          cardId={props.current.cardId}
          onClose={() => {
            props.onCurrent(undefined);
          }}
        />
      </main>
    );
  }

  return (
    <main className="screen counter-waiting">
      <h1>{t.counter.waiting}</h1>
      <p>{t.counter.waitingHint}</p>
      <button
        type="button"
        className="big"
        aria-pressed={camera}
        onClick={() => {
          setCamera((on) => !on);
        }}
      >
        {camera ? t.counter.stopCamera : t.counter.camera}
      </button>
      {camera && (
        <CameraScanner
          cameraId={settings?.cameraId}
          onCameraChosen={(cameraId) => {
            if (settings) void writeMeta(db, 'settings', { ...settings, cameraId });
          }}
          onScan={(text) => void onScanText(text)}
        />
      )}
      <MemberSearch
        onPick={(member) => {
          props.onCurrent({ memberId: member.id });
        }}
      />
    </main>
  );
}
