/**
 * The member desk: search, profile, cards, balances, history; a lost card blocked and a
 * new one linked (the balance stays with the member); and, for managers, merging a
 * duplicate, exporting a member's data as JSON and erasing a member.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { newCardId } from '../../shared/card-code';
import { useCounterContext, useTerminal } from '../app/terminal-context';
import { describeDeskError, describeIdentifyError } from '../i18n/describe';
import { useI18n } from '../i18n/i18n';
import { readMeta } from '../storage/meta';
import type { MemberRow } from '../storage/rows';
import { newCardFromScan } from '../terminal/identify';
import {
  eraseMember,
  exportMember,
  mergeMembers,
  replaceCard,
  type DeskResult,
  type NewCard,
} from '../terminal/member-actions';
import { readMember, readPrograms } from '../terminal/member-reads';
import { useScanHandler } from '../scanning/scan-router';
import { useAnnounce } from '../ui/Announcer';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { MemberHistory } from '../ui/MemberHistory';
import { PrintableMemberCard } from '../ui/PrintableMemberCard';
import { MemberSearch } from './MemberSearch';

type Pending =
  { readonly kind: 'merge'; readonly from: MemberRow } | { readonly kind: 'erase' } | undefined;

function MemberDetail(props: { memberId: string; onClose: () => void }) {
  const { t } = useI18n();
  const { db, session } = useTerminal();
  const counterContext = useCounterContext();
  const announce = useAnnounce();
  const details = useLiveQuery(
    async () => (await readMember(db, props.memberId)) ?? null,
    [db, props.memberId],
  );
  const programs = useLiveQuery(() => readPrograms(db), [db]);
  const identity = useLiveQuery(() => readMeta(db, 'identity'), [db]);
  const [replacing, setReplacing] = useState<string>();
  const [newQr, setNewQr] = useState<string>();
  const [replaceKind, setReplaceKind] = useState<'nfc' | 'barcode'>('nfc');
  const [merging, setMerging] = useState(false);
  const [pending, setPending] = useState<Pending>();
  const manager = session.role === 'manager';

  const run = async <T,>(
    action: () => Promise<DeskResult<T>>,
    done: string,
  ): Promise<T | undefined> => {
    const result = await action();
    if (result.ok) {
      announce(done, 'done');
      return result.value;
    }
    announce(describeDeskError(t, result.error), 'refused');
    return undefined;
  };

  const replaceWith = async (card: NewCard) => {
    if (!replacing || !details) return;
    const done = await run(
      () => replaceCard(counterContext(), details.member.id, replacing, card),
      t.members.replaced,
    );
    if (done) {
      setReplacing(undefined);
      if (card.kind === 'qr') setNewQr(card.id);
    }
  };

  useScanHandler((scan) => {
    if (!replacing) return;
    const card = newCardFromScan(scan.text, replaceKind);
    if (card.ok) void replaceWith(card.value);
    else announce(describeIdentifyError(t, card.error), 'refused');
  });

  if (details === undefined || programs === undefined) return <p>{t.app.loading}</p>;
  if (details === null) return <p role="alert">{t.members.unknownMember}</p>;
  const name = details.member.erased
    ? t.members.erasedMember
    : (details.member.name ?? t.members.noName);

  const download = async () => {
    const data = await run(
      () => exportMember(counterContext(), details.member.id),
      t.members.export,
    );
    if (!data) return;
    const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `treu-member-${details.member.id}.json`;
    link.click();
    URL.revokeObjectURL(link.href);
  };

  return (
    <section className="member-detail" aria-labelledby="detail-name">
      <header className="member-header">
        <h2 id="detail-name">{name}</h2>
        <button type="button" className="secondary" onClick={props.onClose}>
          {t.counter.close}
        </button>
      </header>

      <h3>{t.members.profile}</h3>
      <dl className="profile">
        {details.member.phone && (
          <>
            <dt>{t.enrol.phone}</dt>
            <dd>{details.member.phone}</dd>
          </>
        )}
        {details.member.email && (
          <>
            <dt>{t.enrol.email}</dt>
            <dd>{details.member.email}</dd>
          </>
        )}
        {details.member.birthday && (
          <>
            <dt>{t.enrol.birthday}</dt>
            <dd>{details.member.birthday}</dd>
          </>
        )}
      </dl>

      <h3>{t.members.balances}</h3>
      <ul>
        {programs.map((program) => (
          <li key={program.id}>
            {program.name}: {details.balances.find((b) => b.program === program.id)?.balance ?? 0}
          </li>
        ))}
      </ul>

      <h3>{t.members.cards}</h3>
      <ul className="cards" data-testid="member-cards">
        {details.cards.map((card) => (
          <li key={card.id}>
            <code>{card.id}</code> ({t.enrol.kinds[card.kind]})
            {card.blocked && <strong> — {t.members.blocked}</strong>}
            {!card.blocked && !details.member.erased && (
              <button
                type="button"
                onClick={() => {
                  setReplacing(card.id);
                }}
              >
                {t.members.replaceCard}
              </button>
            )}
          </li>
        ))}
      </ul>
      {replacing && (
        <div className="panel" role="region" aria-label={t.members.replaceCard}>
          <p aria-live="polite">{t.members.replacePrompt}</p>
          <label className="field">
            <span>{t.enrol.scannedCardKind}</span>
            <select
              value={replaceKind}
              onChange={(e) => {
                setReplaceKind(e.target.value === 'barcode' ? 'barcode' : 'nfc');
              }}
            >
              <option value="nfc">{t.enrol.kinds.nfc}</option>
              <option value="barcode">{t.enrol.kinds.barcode}</option>
            </select>
          </label>
          <button
            type="button"
            className="primary"
            onClick={() => void replaceWith({ id: newCardId(), kind: 'qr' })}
          >
            {t.members.makeQr}
          </button>
          <button
            type="button"
            onClick={() => {
              setReplacing(undefined);
            }}
          >
            {t.members.cancel}
          </button>
        </div>
      )}
      {newQr && (
        <PrintableMemberCard
          cardId={newQr}
          memberName={name}
          storeName={identity?.storeName ?? ''}
        />
      )}

      {manager && !details.member.erased && (
        <div className="manager-actions" role="group" aria-label={t.members.managerOnly}>
          <button
            type="button"
            onClick={() => {
              setMerging((on) => !on);
            }}
            aria-expanded={merging}
          >
            {t.members.merge}
          </button>
          <button type="button" onClick={() => void download()}>
            {t.members.export}
          </button>
          <button
            type="button"
            className="danger"
            onClick={() => {
              setPending({ kind: 'erase' });
            }}
          >
            {t.members.erase}
          </button>
        </div>
      )}
      {merging && (
        <MemberSearch
          label={t.members.mergePrompt}
          exclude={details.member.id}
          onPick={(from) => {
            setPending({ kind: 'merge', from });
          }}
        />
      )}
      {pending?.kind === 'merge' && (
        <ConfirmDialog
          text={t.members.mergeConfirm(pending.from.name ?? t.members.noName, name)}
          confirm={t.members.confirm}
          cancel={t.members.cancel}
          onCancel={() => {
            setPending(undefined);
          }}
          onConfirm={() => {
            const from = pending.from.id;
            setPending(undefined);
            setMerging(false);
            void run(
              () => mergeMembers(counterContext(), from, details.member.id),
              t.members.merged,
            );
          }}
        />
      )}
      {pending?.kind === 'erase' && (
        <ConfirmDialog
          text={t.members.eraseConfirm(name)}
          confirm={t.members.confirm}
          cancel={t.members.cancel}
          onCancel={() => {
            setPending(undefined);
          }}
          onConfirm={() => {
            setPending(undefined);
            void run(() => eraseMember(counterContext(), details.member.id), t.members.erased);
          }}
        />
      )}

      <h3>{t.members.history}</h3>
      <MemberHistory details={details} programs={programs} limit={50} />
    </section>
  );
}

export function MembersScreen(props: {
  openMember: string | undefined;
  onOpen: (id: string | undefined) => void;
}) {
  const { t } = useI18n();
  return (
    <main className="screen">
      <h1>{t.members.title}</h1>
      {props.openMember ? (
        <MemberDetail
          key={props.openMember}
          memberId={props.openMember}
          onClose={() => {
            props.onOpen(undefined);
          }}
        />
      ) : (
        <>
          <p>{t.members.empty}</p>
          <MemberSearch
            label={t.members.search}
            onPick={(member) => {
              props.onOpen(member.id);
            }}
          />
        </>
      )}
    </main>
  );
}
