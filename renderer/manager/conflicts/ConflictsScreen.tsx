/** The manager's Conflicts screen: every overdraft, open ones first, and the settled ones below. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTerminal } from '../../app/terminal-context';
import { useI18n } from '../../i18n/i18n';
import { readMeta } from '../../storage/meta';
import { ConflictCard } from './ConflictCard';
import { isSettled, readConflicts, type Conflict } from './conflicts';
import './conflicts.css';

export function ConflictsScreen() {
  const { t } = useI18n();
  const { db } = useTerminal();
  const conflicts = useLiveQuery(() => readConflicts(db), [db]);
  const programs = useLiveQuery(() => db.programs.toArray(), [db]);
  const identity = useLiveQuery(() => readMeta(db, 'identity'), [db]);
  const rewardName = (conflict: Conflict) =>
    programs
      ?.find((p) => p.id === conflict.overdraft.program)
      ?.rules.rewards.find((r) => r.id === conflict.overdraft.reward)?.name ??
    conflict.overdraft.reward;
  const open = (conflicts ?? []).filter((c) => !isSettled(c));
  const settled = (conflicts ?? []).filter(isSettled);
  const card = (conflict: Conflict) => (
    <ConflictCard
      key={conflict.overdraft.id}
      conflict={conflict}
      rewardName={rewardName(conflict)}
      terminal={identity?.terminal ?? ''}
    />
  );

  return (
    <section aria-labelledby="conflicts-heading" className="conflicts" aria-busy={!conflicts}>
      <h2 id="conflicts-heading">{t.conflicts.title}</h2>
      <p>{t.conflicts.intro}</p>
      {conflicts?.length === 0 && <p data-testid="no-conflicts">{t.conflicts.none}</p>}
      {open.length > 0 && <p data-testid="open-conflicts">{t.conflicts.open(open.length)}</p>}
      {open.map(card)}
      {settled.length > 0 && (
        <>
          <h3>{t.conflicts.settledHeading}</h3>
          {settled.map(card)}
        </>
      )}
    </section>
  );
}
