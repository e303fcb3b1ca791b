/**
 * A program version published out of order: a manager's change made on one device that
 * reaches a replica after later stamps from others. `latePublication` makes one, a given
 * time before a stamp, on a device of its own (so its clock may go back that far); the
 * ledger bench times the incremental fold for it here, the counter bench the terminal's
 * store (counter-page-tools.ts).
 */
import { hlcWallMs } from '../../shared/clock';
import type { LedgerEvent } from '../../shared/ledger/envelope';
import { applyEvents, foldEvents } from '../../shared/projection/projection';
import type { ProgramView } from '../../shared/projection/views';
import { terminalBuilder } from '../support/ledger-builder';
import type { LatencyFigure } from './report';

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;
const MINUTE_SAMPLES = 30;
const DAY_SAMPLES = 10;

/** The `n`-th late publication: the program's next version, `lateByMs` before `stamp`. */
export function latePublication(
  program: ProgramView,
  stamp: LedgerEvent,
  lateByMs: number,
  n: number,
): LedgerEvent {
  const device = terminalBuilder(`term_bench-manager-${n}`, {
    tenant: stamp.tenant,
    store: stamp.store,
  });
  const { id, name, version, rules } = program;
  return device.event(
    'program.published',
    { program: id, name, version: version + 1, rules },
    hlcWallMs(stamp.hlc) - lateByMs,
  );
}

export interface LatePublications {
  readonly latencies: LatencyFigure[];
  /** The first late publication, which builds the incremental fold's cluster index. */
  readonly firstMs: number;
}

/**
 * `applyEvents` for one late publication at a time, into the fold of `events`: the
 * ledger's programs in turn, each a minute (or a day) before the ledger's newest stamp.
 */
export function latePublicationLatencies(
  events: readonly LedgerEvent[],
  label: string,
): LatePublications {
  const p = foldEvents(events);
  const newestStamp = p.ordered.findLast((event) => event.type === 'stamps.earned');
  let published = 0;
  const publishLate = (lateByMs: number): number => {
    const programs = [...p.views.programs.values()];
    const program = programs[published % programs.length];
    if (!newestStamp || !program) throw new Error('The bench ledger has no stamps or no programs.');
    const late = latePublication(program, newestStamp, lateByMs, published);
    published += 1;
    const start = performance.now();
    applyEvents(p, [late]);
    return performance.now() - start;
  };
  const firstMs = publishLate(MINUTE_MS);
  const minute = Array.from({ length: MINUTE_SAMPLES }, () => publishLate(MINUTE_MS));
  const day = Array.from({ length: DAY_SAMPLES }, () => publishLate(DAY_MS));
  return {
    firstMs,
    latencies: [
      { name: `applyEvents, a program published a minute late (${label})`, samples: minute },
      { name: `applyEvents, a program published a day late (${label})`, samples: day },
    ],
  };
}
