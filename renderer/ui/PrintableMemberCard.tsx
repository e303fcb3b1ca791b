/**
 * A member's QR card on screen with "Print card". What is printed is a card-sized sheet of
 * its own (store, member's name, QR, card number), put straight under <body> so the print
 * stylesheet can leave everything else off the paper without blank pages. In the desktop
 * terminal the card goes through the bridge, silently, to the printer chosen in Settings
 * (or the system's default); in a browser the print dialog opens.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { createPortal } from 'react-dom';
import { hasBridge } from '../app/desktop-bridge';
import { printPage } from '../app/print-page';
import { useTerminal } from '../app/terminal-context';
import { useI18n } from '../i18n/i18n';
import { readMeta } from '../storage/meta';
import { QrCard, useQrImage } from './QrCard';
import './member-card-print.css';

interface CardProps {
  readonly cardId: string;
  /** Printed only when there is one: a card may stay anonymous. */
  readonly memberName: string;
  readonly storeName: string;
}

/** The printed card: hidden on screen, the only thing on paper. */
function MemberCardSheet(props: CardProps & { image: string | undefined }) {
  const { t } = useI18n();
  return (
    // The same card is on screen already, so the sheet is left out for screen readers.
    <div className="member-card-sheet" data-testid="member-card-sheet" aria-hidden="true">
      <div className="member-card-print">
        {props.image && <img className="member-card-qr" src={props.image} alt="" />}
        <div className="member-card-text">
          <strong className="member-card-store">{props.storeName}</strong>
          {props.memberName.trim() !== '' && (
            <span className="member-card-member">{props.memberName}</span>
          )}
          <span className="member-card-number">
            <small>{t.desktop.card.number}</small>
            <code>{props.cardId}</code>
          </span>
        </div>
      </div>
    </div>
  );
}

export function PrintableMemberCard(props: CardProps & { readonly big?: boolean }) {
  const { t } = useI18n();
  const words = t.desktop.card;
  const { db } = useTerminal();
  const settings = useLiveQuery(() => readMeta(db, 'settings'), [db]);
  const image = useQrImage(props.cardId);
  const [printing, setPrinting] = useState(false);
  const [said, setSaid] = useState<{ text: string; failed: boolean }>();

  const print = async () => {
    setPrinting(true);
    setSaid(undefined);
    const printer = settings?.cardPrinter;
    const printed = await printPage(printer === undefined ? {} : { printer });
    setPrinting(false);
    if (!printed.ok)
      setSaid({
        text: words.printFailed(words.printProblem[printed.problem], printed.detail),
        failed: true,
      });
    // The browser's dialog says itself whether it printed; the bridge prints silently.
    else if (hasBridge()) setSaid({ text: words.printed, failed: false });
  };

  return (
    <>
      <QrCard
        cardId={props.cardId}
        image={image}
        memberName={props.memberName}
        storeName={props.storeName}
      />
      <button
        type="button"
        className={props.big ? 'big' : undefined}
        disabled={printing || image === undefined}
        aria-busy={printing}
        onClick={() => void print()}
      >
        {printing ? words.printing : t.enrol.print}
      </button>
      {said && (
        <p className={said.failed ? 'error' : undefined} role={said.failed ? 'alert' : 'status'}>
          {said.text}
        </p>
      )}
      {createPortal(<MemberCardSheet {...props} image={image} />, document.body)}
    </>
  );
}
