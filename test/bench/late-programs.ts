/**
 * A program version published out of order: a manager's change made on one device that
 * reaches a replica after later stamps from others. `latePublication` makes one, a given
 * time before a stamp, on a device of its own (so its clock may go back that far); the
 * ledger bench times the incremental fold for it here, the counter bench the terminal's
 * store (counter-page-tools.ts). Two kinds of change: one of the rewards, which the fold
 * does not read (the common case: nobody is refolded), and one of the expiry, which it
 * does (the worst case: every member with a later stamp of the program is refolded).
 */
import { hlcWallMs } from '../../shared/clock';
import type { LedgerEvent } from '../../shared/ledger/envelope';
import { applyEvents, foldEvents } from '../../shared/projection/projection';
import type { ProgramView } from '../../shared/projection/views';
import type { ProgramRules } from '../../shared/rules/program-schema';
import { terminalBuilder } from '../support/ledger-builder';
import type { LatencyFigure } from './report';

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;
const MINUTE_SAMPLES = 30;
const DAY_SAMPLES = 10;

export type ProgramChange = 'rewards' | 'expiry';
/**
 * Timed in this order. Each version is the newest one's rules with one change, so the
 * rewards samples come first: made after an expiry sample, one would carry its expiry to
 * where it lands and be a change of expiry there.
 */
export const PROGRAM_CHANGES: readonly ProgramChange[] = ['rewards', 'expiry'];

/** What each change does to the rules, in the bench tables' words. */
export const CHANGE_LABELS: Readonly<Record<ProgramChange, string>> = {
  rewards: 'its rewards dearer',
  expiry: 'its expiry changed',
};

/** The `n`-th version's rules: each differs from the one before in what `change` names. */
function changedRules(rules: ProgramRules, change: ProgramChange, n: number): ProgramRules {
  return change === 'rewards'
    ? { ...rules, rewards: rules.rewards.map((reward) => ({ ...reward, cost: reward.cost + 1 })) }
    : { ...rules, expiry: { inactivityDays: 90 + n } };
}

/**
 * The `n`-th late publication: the program's next version, `lateByMs` less `n` ms before
 * `stamp`. The `n` ms put each after the samples before it in total order: at one clock
 * value the device ids would order them, and a version sorting just before an earlier
 * sample's would govern no event and refold nobody.
 */
export function latePublication(
  program: ProgramView,
  stamp: LedgerEvent,
  lateByMs: number,
  n: number,
  change: ProgramChange,
): LedgerEvent {
  const device = terminalBuilder(`term_bench-manager-${n}`, {
    tenant: stamp.tenant,
    store: stamp.store,
  });
  const { id, name, version, rules } = program;
  return device.event(
    'program.published',
    { program: id, name, version: version + 1, rules: changedRules(rules, change, n) },
    hlcWallMs(stamp.hlc) - lateByMs + n,
  );
}

export interface LatePublications {
  readonly latencies: LatencyFigure[];
  /** The first late publication, which builds the incremental fold's cluster index. */
  readonly firstMs: number;
}

/**
 * `applyEvents` for one late publication at a time, into the fold of `events`: the
 * ledger's programs in turn, each a minute (or a day) before the ledger's newest stamp,
 * for each kind of change.
 */
export function latePublicationLatencies(
  events: readonly LedgerEvent[],
  label: string,
): LatePublications {
  const p = foldEvents(events);
  const newestStamp = p.ordered.findLast((event) => event.type === 'stamps.earned');
  let published = 0;
  const publishLate = (lateByMs: number, change: ProgramChange): number => {
    const programs = [...p.views.programs.values()];
    const program = programs[published % programs.length];
    if (!newestStamp || !program) throw new Error('The bench ledger has no stamps or no programs.');
    const late = latePublication(program, newestStamp, lateByMs, published, change);
    published += 1;
    const start = performance.now();
    applyEvents(p, [late]);
    return performance.now() - start;
  };
  // The first builds the cluster index. A change of rewards, so that every version
  // after it keeps the ledger's expiry until the expiry samples change it: a rewards
  // sample made on rules with a changed expiry would change the expiry too, where it lands.
  const firstMs = publishLate(MINUTE_MS, 'rewards');
  const latencies = PROGRAM_CHANGES.flatMap((change): LatencyFigure[] => {
    const minute = Array.from({ length: MINUTE_SAMPLES }, () => publishLate(MINUTE_MS, change));
    const day = Array.from({ length: DAY_SAMPLES }, () => publishLate(DAY_MS, change));
    const what = `a program version with ${CHANGE_LABELS[change]}`;
    return [
      { name: `applyEvents, ${what}, a minute late (${label})`, samples: minute },
      { name: `applyEvents, ${what}, a day late (${label})`, samples: day },
    ];
  });
  return { firstMs, latencies };
}
