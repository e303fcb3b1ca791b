/**
 * The member at the counter: name, the stamp card, progress to the next reward, tier,
 * recent history, and the actions: stamps, redeem, undo, feedback. Every action says
 * "done" only after its transaction has committed; a refusal says why in words.
 */
import { setMemberOnScreen } from '../app/counter-activity';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { tierAt } from '../../shared/rules/tiers';
import { useCounterContext, useTerminal } from '../app/terminal-context';
import { describeCounterError } from '../i18n/describe';
import { useI18n } from '../i18n/i18n';
import type { ProgramRow } from '../storage/rows';
import {
  giveFeedback,
  lastUndoable,
  redeemReward,
  stampPurchase,
  undoLastAction,
  stampsGiven,
  type ActionResult,
  type Done,
} from '../terminal/counter-actions';
import {
  overdraftsOf,
  readMember,
  readPrograms,
  type MemberDetails,
} from '../terminal/member-reads';
import { useAnnounce } from '../ui/Announcer';
import { MemberHistory } from '../ui/MemberHistory';
import { StampCard } from '../ui/StampCard';

const cheapest = (program: ProgramRow) =>
  [...program.rules.rewards].sort((a, b) => a.cost - b.cost)[0];

function memberName(details: MemberDetails, fallback: string): string {
  return details.member.name ?? fallback;
}

export function MemberPanel(props: {
  memberId: string;
  cardId?: string | undefined;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { db } = useTerminal();
  const counterContext = useCounterContext();
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);
  const [count, setCount] = useState(2);
  const [amount, setAmount] = useState('');
  const [chosenProgram, setChosenProgram] = useState<string>();
  // The desktop terminal's updater waits while a member is shown.
  useEffect(() => {
    setMemberOnScreen(true);
    return () => {
      setMemberOnScreen(false);
    };
  }, []);

  const details = useLiveQuery(
    async () => (await readMember(db, props.memberId)) ?? null,
    [db, props.memberId],
  );
  const programs = useLiveQuery(() => readPrograms(db), [db]);
  const overdrafts = useLiveQuery(async () => {
    const shown = chosenProgram ?? (await readPrograms(db))[0]?.id;
    return details && shown ? (await overdraftsOf(db, details, shown)).length : 0;
  }, [db, details, chosenProgram]);
  const undoable = useLiveQuery(
    async () => (details ? (await lastUndoable(counterContext(), details)).length : 0),
    [details],
  );

  if (details === undefined || programs === undefined) return <p>{t.app.loading}</p>;
  if (details === null) return <p role="alert">{t.members.unknownMember}</p>;
  const program = programs.find((p) => p.id === chosenProgram) ?? programs[0];
  if (!program) return <p role="alert">{t.refusal.unknown_program}</p>;
  const balance = details.balances.find((b) => b.program === program.id);
  const have = balance?.balance ?? 0;
  const next = cheapest(program);
  const tier = balance ? tierAt(balance.earnings, program.rules.tiers, Date.now()) : undefined;
  const name = memberName(details, t.members.noName);

  const run = async (
    action: () => Promise<ActionResult>,
    done: (result: Done) => string,
    rewardName?: string,
  ) => {
    setBusy(true);
    try {
      const result = await action();
      if (result.ok) announce(done(result.value), 'done');
      else announce(describeCounterError(t, result.error, rewardName), 'refused');
    } catch (error) {
      announce(
        t.errors.unexpected(error instanceof Error ? error.message : String(error)),
        'refused',
      );
    } finally {
      setBusy(false);
    }
  };

  const stamped = (result: Done) =>
    t.counter.stamped(stampsGiven(result.events, details.member.id), result.balance ?? 0);

  const stamp = (purchase: { items?: number; amountCents?: number }) =>
    run(
      () => stampPurchase(counterContext(), details.member.id, program.id, purchase, props.cardId),
      stamped,
    );

  return (
    <section className="member-panel" aria-labelledby="member-name">
      <header className="member-header">
        <h2 id="member-name">{name}</h2>
        {tier && <span className="tier">{t.counter.tier(tier)}</span>}
        <button type="button" className="secondary" onClick={props.onClose}>
          {t.counter.close}
        </button>
      </header>

      {programs.length > 1 && (
        <div role="tablist" aria-label={t.counter.program} className="program-tabs">
          {programs.map((p) => (
            <button
              key={p.id}
              type="button"
              role="tab"
              aria-selected={p.id === program.id}
              onClick={() => {
                setChosenProgram(p.id);
              }}
            >
              {p.name}
            </button>
          ))}
        </div>
      )}

      <StampCard balance={have} size={next?.cost ?? 10} programName={program.name} />
      {overdrafts !== undefined && overdrafts > 0 && (
        <p className="warning" data-testid="overdraft">
          {t.counter.overdrawn(overdrafts)}
        </p>
      )}
      {next && (
        <p className="progress" data-testid="progress">
          {t.counter.toNext(next.cost - have, next.name)}
        </p>
      )}

      <div className="actions" aria-label={t.counter.stampMany} role="group">
        {program.rules.earn.per === 'amount' ? (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void stamp({ amountCents: Math.round(Number(amount.replace(',', '.')) * 100) });
            }}
          >
            <label className="field inline">
              <span>€</span>
              <input
                inputMode="decimal"
                value={amount}
                onChange={(event) => {
                  setAmount(event.target.value);
                }}
              />
            </label>
            <button type="submit" className="primary big" disabled={busy}>
              {t.counter.stampMany}
            </button>
          </form>
        ) : (
          <>
            <button
              type="button"
              className="primary huge"
              disabled={busy}
              onClick={() => void stamp({ items: 1 })}
            >
              {t.counter.stamp(program.rules.earn.per === 'visit' ? program.rules.earn.stamps : 1)}
            </button>
            {program.rules.earn.per === 'item' && (
              <div className="stepper">
                <button
                  type="button"
                  aria-label="−"
                  disabled={count <= 2}
                  onClick={() => {
                    setCount((n) => Math.max(2, n - 1));
                  }}
                >
                  −
                </button>
                <button
                  type="button"
                  className="primary"
                  disabled={busy}
                  onClick={() => void stamp({ items: count })}
                >
                  {t.counter.stamp(count * program.rules.earn.stamps)}
                </button>
                <button
                  type="button"
                  aria-label="+"
                  disabled={count >= 20}
                  onClick={() => {
                    setCount((n) => Math.min(20, n + 1));
                  }}
                >
                  +
                </button>
              </div>
            )}
          </>
        )}
        {program.rules.rewards.map((reward) => (
          <button
            key={reward.id}
            type="button"
            className={have >= reward.cost ? 'reward ready' : 'reward'}
            disabled={busy}
            onClick={() =>
              void run(
                () =>
                  redeemReward(
                    counterContext(),
                    details.member.id,
                    program.id,
                    reward.id,
                    props.cardId,
                  ),
                () => t.counter.redeemed(reward.name),
                reward.name,
              )
            }
          >
            {t.counter.redeem(reward.name)} ({reward.cost})
          </button>
        ))}
        <button
          type="button"
          className="secondary"
          disabled={busy || !undoable}
          onClick={() =>
            void run(
              () => undoLastAction(counterContext(), details),
              () => t.counter.undone,
            )
          }
        >
          {t.counter.undo}
        </button>
      </div>

      <div className="feedback" role="group" aria-label={t.counter.feedback}>
        <span>{t.counter.feedback}</span>
        {[1, 2, 3, 4, 5].map((rating) => (
          <button
            key={rating}
            type="button"
            aria-label={t.counter.feedbackStar(rating)}
            disabled={busy}
            onClick={() =>
              void run(
                () => giveFeedback(counterContext(), rating, details.member.id),
                () => t.counter.feedbackThanks,
              )
            }
          >
            {'★'.repeat(rating)}
          </button>
        ))}
      </div>

      <h3>{t.counter.history}</h3>
      <MemberHistory details={details} programs={programs} />
    </section>
  );
}
