/**
 * The counter: waits for a scan (scanner, camera, bridge card reader) or a search, then
 * shows the member with the actions. Scans while a member is shown switch to the new one.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import type { DerivedViews } from '../../shared/projection/derived-views';
import { useCounterContext, useTerminal } from '../app/terminal-context';
import { describeCounterError, describeIdentifyError } from '../i18n/describe';
import { useI18n } from '../i18n/i18n';
import { readMeta } from '../storage/meta';
import { stampPurchase, stampsGiven } from '../terminal/counter-actions';
import { identify } from '../terminal/identify';
import { inCounterOrder } from '../terminal/member-reads';
import { CameraToggle } from '../scanning/CameraToggle';
import { useScanHandler, type Scan } from '../scanning/scan-router';
import { afterNextPaint } from '../ui/after-next-paint';
import { useAnnounce, type Tone } from '../ui/Announcer';
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
  const counterContext = useCounterContext();
  const announce = useAnnounce();
  const [camera, setCamera] = useState(false);
  const settings = useLiveQuery(() => readMeta(db, 'settings'), [db]);
  // A stamp's confirmation is drawn at once, on its own: the member's screen follows it.
  const announceNow = (text: string, tone: Tone) => {
    flushSync(() => {
      announce(text, tone);
    });
  };

  const onScanText = async (text: string) => {
    const found = await identify(db, text);
    if (!found.ok) {
      announce(describeIdentifyError(t, found.error), 'refused');
      return;
    }
    setCamera(false);
    const { member, card, views } = found.value;
    const showMember = () => {
      props.onCurrent({ memberId: member.id, cardId: card.id });
    };
    if (!settings?.stampOnScan) {
      showMember();
      return;
    }
    // The stamp is committed before the member's screen starts its own reads, and that
    // screen follows the confirmation's frame: the confirmation waits for nothing else.
    await stampOnScan(member.id, card.id, views);
    afterNextPaint(showMember);
  };

  const stampOnScan = async (member: string, card: string, views: DerivedViews) => {
    const program = inCounterOrder(views.programs.values(), settings?.counterProgram)[0];
    if (!program) return;
    const result = await stampPurchase(
      counterContext(),
      member,
      program.id,
      { items: 1 },
      card,
      views,
    );
    if (result.ok) {
      announceNow(
        t.counter.stamped(stampsGiven(result.value.events, member), result.value.balance ?? 0),
        'done',
      );
    } else {
      announceNow(describeCounterError(t, result.error), 'refused');
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
      <CameraToggle
        startLabel={t.counter.camera}
        stopLabel={t.counter.stopCamera}
        on={camera}
        onChange={setCamera}
        onScan={(text) => void onScanText(text)}
      />
      <MemberSearch
        onPick={(member) => {
          props.onCurrent({ memberId: member.id });
        }}
      />
    </main>
  );
}
