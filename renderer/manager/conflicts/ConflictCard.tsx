/** One overdraft beside the redemption that spent the stamps first, and what a manager can do. */
import { useState, type SubmitEvent } from 'react';
import { hlcWallMs } from '../../../shared/clock';
import { useCounterContext } from '../../app/terminal-context';
import { describeCounterError } from '../../i18n/describe';
import { useI18n } from '../../i18n/i18n';
import type { RedemptionRow } from '../../storage/rows';
import type { ActionResult } from '../../terminal/counter-actions';
import { useAnnounce } from '../../ui/Announcer';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useStaffNames } from '../use-staff-names';
import { isSettled, type Conflict } from './conflicts';
import { cancelConflictingRedemption, correctConflict, writeOffConflict } from './resolve-conflict';

const MAX_CORRECTION = 10_000;

function RedemptionLine(props: { label: string; redemption: RedemptionRow; terminal: string }) {
  const { t, language } = useI18n();
  const nameOf = useStaffNames();
  const when = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'medium' });
  const { redemption } = props;
  const terminal =
    redemption.terminal === props.terminal ? t.conflicts.thisTerminal : redemption.terminal;
  return (
    <div>
      <dt>{props.label}</dt>
      <dd>
        {t.conflicts.at(when.format(hlcWallMs(redemption.hlc)), terminal, nameOf(redemption.staff))}
        <br />
        {t.conflicts.balanceBefore(redemption.balanceBefore)}
      </dd>
    </div>
  );
}

export function ConflictCard(props: { conflict: Conflict; rewardName: string; terminal: string }) {
  const { t, language } = useI18n();
  const counterContext = useCounterContext();
  const announce = useAnnounce();
  const nameOf = useStaffNames();
  const { conflict } = props;
  const [correcting, setCorrecting] = useState(false);
  const [count, setCount] = useState(String(conflict.shortfall));
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  const [error, setError] = useState<string>();
  const [working, setWorking] = useState(false);
  const when = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' });
  const heading = `conflict-${conflict.overdraft.id}`;

  const run = async (action: () => Promise<ActionResult>, done: string) => {
    setWorking(true);
    const result = await action();
    setWorking(false);
    if (!result.ok) {
      setError(describeCounterError(t, result.error, props.rewardName));
      return;
    }
    setError(undefined);
    setCorrecting(false);
    announce(done, 'done');
  };

  const submitCorrection = (event: SubmitEvent) => {
    event.preventDefault();
    const stamps = Number(count);
    if (!Number.isInteger(stamps) || stamps === 0 || Math.abs(stamps) > MAX_CORRECTION) {
      setError(t.conflicts.badCount);
      return;
    }
    void run(
      () => correctConflict(counterContext(), conflict, stamps),
      t.conflicts.corrected(stamps),
    );
  };

  return (
    <article className="conflict" aria-labelledby={heading}>
      <h3 id={heading}>
        {t.conflicts.shortBy(conflict.shortfall, props.rewardName)}
        {' · '}
        {t.conflicts.member(conflict.memberName ?? t.conflicts.unnamedMember)}
      </h3>
      <dl className="side-by-side">
        {conflict.earlier ? (
          <RedemptionLine
            label={t.conflicts.first}
            redemption={conflict.earlier}
            terminal={props.terminal}
          />
        ) : (
          <div>
            <dt>{t.conflicts.first}</dt>
            <dd>{t.conflicts.noEarlier}</dd>
          </div>
        )}
        <RedemptionLine
          label={t.conflicts.overdrawing}
          redemption={conflict.overdraft}
          terminal={props.terminal}
        />
      </dl>
      {conflict.settlements.map((s) => (
        <p key={s.id} className="settled">
          {t.conflicts.settledBy(s.stamps, nameOf(s.staff), when.format(s.atMs))}
        </p>
      ))}
      {!isSettled(conflict) && (
        <div className="row">
          <button
            type="button"
            className="primary"
            disabled={working}
            onClick={() =>
              void run(
                () => writeOffConflict(counterContext(), conflict),
                t.conflicts.writtenOff(conflict.shortfall),
              )
            }
          >
            {t.conflicts.writeOff(conflict.shortfall)}
          </button>
          <button
            type="button"
            aria-expanded={correcting}
            disabled={working}
            onClick={() => {
              setCorrecting(!correcting);
            }}
          >
            {t.conflicts.correct}
          </button>
          <button
            type="button"
            className="danger"
            disabled={working}
            onClick={() => {
              setConfirmingCancel(true);
            }}
          >
            {t.conflicts.cancelRedemption}
          </button>
        </div>
      )}
      {correcting && (
        <form onSubmit={submitCorrection} noValidate className="row">
          <label className="field inline">
            <span>{t.conflicts.correctBy}</span>
            <input
              type="number"
              inputMode="numeric"
              step={1}
              value={count}
              onChange={(e) => {
                setCount(e.target.value);
              }}
            />
          </label>
          <button type="submit" className="primary" disabled={working}>
            {t.conflicts.saveCorrection}
          </button>
        </form>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {confirmingCancel && (
        <ConfirmDialog
          text={t.conflicts.confirmCancel}
          confirm={t.conflicts.cancelRedemption}
          cancel={t.conflicts.keep}
          onCancel={() => {
            setConfirmingCancel(false);
          }}
          onConfirm={() => {
            setConfirmingCancel(false);
            void run(
              () => cancelConflictingRedemption(counterContext(), conflict),
              t.conflicts.cancelled,
            );
          }}
        />
      )}
    </article>
  );
}
