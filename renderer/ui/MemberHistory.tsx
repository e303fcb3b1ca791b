/** A member's recent events, newest first, in words; undone ones marked. */
import { useLiveQuery } from 'dexie-react-hooks';
import type { LedgerEvent } from '../../shared/ledger/envelope';
import { hlcWallMs } from '../../shared/clock';
import { assertNever } from '../../shared/result';
import { useTerminal } from '../app/terminal-context';
import { useI18n } from '../i18n/i18n';
import type { Messages } from '../i18n/en';
import { voidedAmong } from '../storage/event-queries';
import { memberHistory, type MemberDetails } from '../terminal/member-reads';
import type { ProgramRow } from '../storage/rows';

function describeEvent(t: Messages, event: LedgerEvent, programs: readonly ProgramRow[]): string {
  const h = t.history;
  switch (event.type) {
    case 'stamps.earned':
      return h['stamps.earned'](event.data.count);
    case 'reward.redeemed': {
      const rules = programs.find((p) => p.id === event.data.program)?.rules;
      const reward =
        rules?.rewards.find((r) => r.id === event.data.reward)?.name ?? event.data.reward;
      return h['reward.redeemed'](reward);
    }
    case 'feedback.given':
      return h['feedback.given'](event.data.rating);
    case 'member.enrolled':
    case 'member.updated':
    case 'member.erased':
    case 'member.merged':
    case 'card.linked':
    case 'card.blocked':
    case 'program.published':
    case 'event.voided':
    case 'day.closed':
      return h[event.type];
    default:
      return assertNever(event);
  }
}

export function MemberHistory(props: {
  details: MemberDetails;
  programs: readonly ProgramRow[];
  limit?: number;
}) {
  const { t, language } = useI18n();
  const { db } = useTerminal();
  const { details, programs, limit = 12 } = props;
  const history = useLiveQuery(async () => {
    const events = await memberHistory(db, details, limit);
    const voided = new Set(
      await voidedAmong(
        db,
        events.map((e) => e.id),
      ),
    );
    return events.map((event) => ({ event, voided: voided.has(event.id) }));
  }, [db, details, limit]);
  const time = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <ol className="history" data-testid="member-history">
      {(history ?? []).map(({ event, voided }) => (
        <li key={event.id} className={voided ? 'voided' : undefined}>
          <time dateTime={new Date(hlcWallMs(event.hlc)).toISOString()}>
            {time.format(hlcWallMs(event.hlc))}
          </time>{' '}
          <span>{describeEvent(t, event, programs)}</span>
          {voided && <span className="tag"> ({t.history.voided})</span>}
        </li>
      ))}
    </ol>
  );
}
