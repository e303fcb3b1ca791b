/**
 * Enrolment: a new member with optional name, phone, email, birthday and marketing
 * consent; a new QR card (shown, printable) or a scanned NFC or barcode card; and a
 * referrer, identified by scanning their card. Welcome and referral bonuses come from
 * the program's rules.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type SubmitEvent } from 'react';
import type { CardKind } from '../../shared/card-code';
import { useCounterContext, useTerminal } from '../app/terminal-context';
import { describeDeskError, describeIdentifyError } from '../i18n/describe';
import { useI18n } from '../i18n/i18n';
import { readMeta } from '../storage/meta';
import { identify, newCardFromScan } from '../terminal/identify';
import { enrolMember, type NewCard } from '../terminal/member-actions';
import { readPrograms } from '../terminal/member-reads';
import { useScanHandler } from '../scanning/scan-router';
import { useAnnounce } from '../ui/Announcer';
import { PrintableMemberCard } from '../ui/PrintableMemberCard';

type CardChoice = 'qr' | 'scanned';
type ScanTarget = 'card' | 'referrer';

interface Enrolled {
  readonly member: string;
  readonly name: string;
  readonly card: NewCard;
}

export function EnrolScreen(props: { onToCounter: (memberId: string) => void }) {
  const { t } = useI18n();
  const { db } = useTerminal();
  const counterContext = useCounterContext();
  const announce = useAnnounce();
  const programs = useLiveQuery(() => readPrograms(db), [db]);
  const identity = useLiveQuery(() => readMeta(db, 'identity'), [db]);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [birthday, setBirthday] = useState('');
  const [consent, setConsent] = useState(false);
  const [cardChoice, setCardChoice] = useState<CardChoice>('qr');
  const [scannedKind, setScannedKind] = useState<Exclude<CardKind, 'qr'>>('nfc');
  const [scannedCard, setScannedCard] = useState<string>();
  const [referrer, setReferrer] = useState<{ id: string; name: string }>();
  const [target, setTarget] = useState<ScanTarget>('referrer');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [enrolled, setEnrolled] = useState<Enrolled>();

  useScanHandler((scan) => {
    void (async () => {
      if (cardChoice === 'scanned' && target === 'card') {
        setScannedCard(scan.text.trim());
        announce(t.enrol.cardScanned(scan.text.trim()), 'info');
        return;
      }
      const found = await identify(db, scan.text);
      if (!found.ok) {
        announce(describeIdentifyError(t, found.error), 'refused');
        return;
      }
      setReferrer({ id: found.value.member.id, name: found.value.member.name ?? t.members.noName });
    })();
  });

  const reset = () => {
    setName('');
    setPhone('');
    setEmail('');
    setBirthday('');
    setConsent(false);
    setScannedCard(undefined);
    setReferrer(undefined);
    setError(undefined);
    setEnrolled(undefined);
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const program = programs?.[0];
    if (!program) return;
    let card: NewCard | undefined;
    if (cardChoice === 'scanned') {
      const scanned =
        scannedCard === undefined ? undefined : newCardFromScan(scannedCard, scannedKind);
      if (!scanned?.ok) {
        setError(scanned ? describeIdentifyError(t, scanned.error) : t.enrol.waitingForCard);
        return;
      }
      card = scanned.value;
    }
    setBusy(true);
    setError(undefined);
    try {
      const result = await enrolMember(counterContext(), program.id, {
        profile: {
          marketingConsent: consent,
          ...(name.trim() ? { name: name.trim() } : {}),
          ...(phone.trim() ? { phone: phone.trim() } : {}),
          ...(email.trim() ? { email: email.trim() } : {}),
          ...(birthday ? { birthday } : {}),
        },
        card,
        referredBy: referrer?.id,
      });
      if (result.ok) {
        const shownName = name.trim() || t.enrol.anonymous;
        setEnrolled({ member: result.value.member, name: shownName, card: result.value.card });
        announce(t.enrol.enrolled(shownName), 'done');
      } else {
        setError(describeDeskError(t, result.error));
      }
    } finally {
      setBusy(false);
    }
  };

  if (enrolled) {
    return (
      <main className="screen">
        <h1>{t.enrol.enrolled(enrolled.name)}</h1>
        {enrolled.card.kind === 'qr' && (
          <PrintableMemberCard
            cardId={enrolled.card.id}
            memberName={enrolled.name}
            storeName={identity?.storeName ?? ''}
            big
          />
        )}
        <div className="row">
          <button
            type="button"
            className="primary big"
            onClick={() => {
              props.onToCounter(enrolled.member);
            }}
          >
            {t.enrol.toCounter}
          </button>
          <button type="button" className="big" onClick={reset}>
            {t.enrol.another}
          </button>
        </div>
      </main>
    );
  }

  return (
    <main className="screen narrow">
      <h1>{t.enrol.title}</h1>
      <p>{t.enrol.intro}</p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <label className="field">
          <span>{t.enrol.name}</span>
          <input
            value={name}
            maxLength={120}
            autoComplete="off"
            onChange={(e) => {
              setName(e.target.value);
            }}
          />
        </label>
        <label className="field">
          <span>{t.enrol.phone}</span>
          <input
            type="tel"
            value={phone}
            maxLength={32}
            autoComplete="off"
            onChange={(e) => {
              setPhone(e.target.value);
            }}
          />
        </label>
        <label className="field">
          <span>{t.enrol.email}</span>
          <input
            type="email"
            value={email}
            maxLength={254}
            autoComplete="off"
            onChange={(e) => {
              setEmail(e.target.value);
            }}
          />
        </label>
        <label className="field">
          <span>{t.enrol.birthday}</span>
          <input
            type="date"
            value={birthday}
            onChange={(e) => {
              setBirthday(e.target.value);
            }}
          />
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={consent}
            onChange={(e) => {
              setConsent(e.target.checked);
            }}
          />
          <span>{t.enrol.consent}</span>
        </label>

        <fieldset>
          <legend>{t.enrol.card}</legend>
          <label className="check">
            <input
              type="radio"
              name="card"
              checked={cardChoice === 'qr'}
              onChange={() => {
                setCardChoice('qr');
                setTarget('referrer');
              }}
            />
            <span>{t.enrol.newQr}</span>
          </label>
          <label className="check">
            <input
              type="radio"
              name="card"
              checked={cardChoice === 'scanned'}
              onChange={() => {
                setCardChoice('scanned');
                setTarget('card');
              }}
            />
            <span>{t.enrol.scannedCard}</span>
          </label>
          {cardChoice === 'scanned' && (
            <>
              <label className="field">
                <span>{t.enrol.scannedCardKind}</span>
                <select
                  value={scannedKind}
                  onChange={(e) => {
                    setScannedKind(e.target.value === 'barcode' ? 'barcode' : 'nfc');
                  }}
                >
                  <option value="nfc">{t.enrol.kinds.nfc}</option>
                  <option value="barcode">{t.enrol.kinds.barcode}</option>
                </select>
              </label>
              <p aria-live="polite" data-testid="scanned-card">
                {scannedCard ? t.enrol.cardScanned(scannedCard) : t.enrol.waitingForCard}
              </p>
            </>
          )}
        </fieldset>

        <fieldset>
          <legend>{t.enrol.referral}</legend>
          {referrer ? (
            <p>
              {t.enrol.referrer(referrer.name)}{' '}
              <button
                type="button"
                className="link"
                onClick={() => {
                  setReferrer(undefined);
                }}
              >
                {t.enrol.removeReferrer}
              </button>
            </p>
          ) : (
            <button
              type="button"
              aria-pressed={target === 'referrer'}
              onClick={() => {
                setTarget('referrer');
              }}
            >
              {t.enrol.referral}
            </button>
          )}
        </fieldset>

        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" className="primary big" disabled={busy || !programs?.length}>
          {t.enrol.submit}
        </button>
      </form>
    </main>
  );
}
