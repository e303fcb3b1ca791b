/**
 * The customer-facing view: the screen turned towards the shop. A member scans their own
 * card (reader, scanner or camera) and sees their stamps and progress, read-only, and may
 * leave feedback; after a while, or when they tap Done, it waits for the next card. Only
 * the signed-in person's PIN leaves it.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTerminal } from '../app/terminal-context';
import { useI18n } from '../i18n/i18n';
import { CameraToggle } from '../scanning/CameraToggle';
import { useScanHandler } from '../scanning/scan-router';
import { identify } from '../terminal/identify';
import { readMember, readPrograms } from '../terminal/member-reads';
import { CustomerCard } from './CustomerCard';
import { CustomerFeedback } from './CustomerFeedback';
import { LeaveCustomerView } from './LeaveCustomerView';
import './kiosk.css';

/** How long a member's card stays on screen without a touch. */
const SHOW_MEMBER_MS = 45_000;
const SHOW_THANKS_MS = 4_000;
/** A refused scan's message goes after a while: the next customer should not read it. */
const SHOW_ERROR_MS = 8_000;

type Showing =
  | { readonly kind: 'waiting'; readonly error?: string }
  | { readonly kind: 'member'; readonly memberId: string }
  | { readonly kind: 'thanks' }
  | { readonly kind: 'leaving' };

function useReturnAfter(ms: number | undefined, key: unknown, onTimeout: () => void) {
  const [touched, setTouched] = useState(0);
  useEffect(() => {
    if (ms === undefined) return undefined;
    const timer = setTimeout(onTimeout, ms);
    return () => {
      clearTimeout(timer);
    };
  }, [ms, key, touched, onTimeout]);
  return () => {
    setTouched((n) => n + 1);
  };
}

function MemberCard(props: { memberId: string }) {
  const { db } = useTerminal();
  const details = useLiveQuery(() => readMember(db, props.memberId), [db, props.memberId]);
  const programs = useLiveQuery(() => readPrograms(db), [db]);
  if (!details || !programs) return null;
  return <CustomerCard details={details} programs={programs} nowMs={Date.now()} />;
}

export function CustomerView(props: { onLeave: () => void }) {
  const { t } = useI18n();
  const { db } = useTerminal();
  const [showing, setShowing] = useState<Showing>({ kind: 'waiting' });
  const [camera, setCamera] = useState(false);
  const [backToWaiting] = useState(() => () => {
    setShowing({ kind: 'waiting' });
  });
  const touch = useReturnAfter(
    showing.kind === 'member'
      ? SHOW_MEMBER_MS
      : showing.kind === 'thanks'
        ? SHOW_THANKS_MS
        : showing.kind === 'waiting' && showing.error !== undefined
          ? SHOW_ERROR_MS
          : undefined,
    showing,
    backToWaiting,
  );

  const onScanText = async (text: string) => {
    if (showing.kind === 'leaving') return;
    const found = await identify(db, text);
    if (found.ok) {
      setShowing({ kind: 'member', memberId: found.value.member.id });
      return;
    }
    const code = found.error.code;
    const error =
      code === 'unknown_card' || code === 'card_blocked' || code === 'member_erased'
        ? t.kiosk.errors[code]
        : t.kiosk.errors.unreadable;
    setShowing({ kind: 'waiting', error });
  };
  useScanHandler((scan) => void onScanText(scan.text));

  if (showing.kind === 'leaving') {
    return (
      <main className="screen narrow customer-view">
        <LeaveCustomerView onLeave={props.onLeave} onCancel={backToWaiting} />
      </main>
    );
  }

  return (
    <main className="screen customer-view" onPointerDown={touch} onKeyDown={touch}>
      {showing.kind === 'waiting' && (
        <section aria-labelledby="customer-scan" className="customer-waiting">
          <h1 id="customer-scan">{t.kiosk.scanHere}</h1>
          <p>{t.kiosk.scanHint}</p>
          {showing.error && (
            <p role="alert" className="error big-text">
              {showing.error}
            </p>
          )}
          <CameraToggle
            startLabel={t.kiosk.camera}
            stopLabel={t.kiosk.stopCamera}
            on={camera}
            onChange={setCamera}
            onScan={(text) => void onScanText(text)}
          />
        </section>
      )}
      {showing.kind === 'member' && (
        <>
          <MemberCard memberId={showing.memberId} />
          <CustomerFeedback
            memberId={showing.memberId}
            onSent={() => {
              setShowing({ kind: 'thanks' });
            }}
          />
          <button type="button" className="big" onClick={backToWaiting}>
            {t.kiosk.done}
          </button>
        </>
      )}
      {showing.kind === 'thanks' && (
        <p role="status" className="customer-thanks">
          {t.kiosk.thanks}
        </p>
      )}
      <button
        type="button"
        className="link leave-button"
        onClick={() => {
          setShowing({ kind: 'leaving' });
        }}
      >
        {t.kiosk.leave}
      </button>
    </main>
  );
}
