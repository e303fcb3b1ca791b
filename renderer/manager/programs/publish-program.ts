/**
 * Publishing a program: a `program.published` event with the next version (a new
 * program gets a new id and version 1), signed by the terminal for the signed-in
 * manager, through the one signed append (and its lock) like every counter action.
 * Sync takes it to every terminal; the newest version by the ledger's total order wins.
 *
 * The next version is numbered from the version the editor was opened from (its base),
 * never from whatever is newest at publish time: a version that arrived by sync while
 * the manager edited would otherwise be silently replaced by a form that never showed
 * it. So publishing checks, under the append lock and in the transaction that writes,
 * that the base is still the program's newest version, and refuses if not.
 */
import type { LedgerEvent } from '../../../shared/ledger/envelope';
import { canonicalJson } from '../../../shared/ledger/canonical-json';
import { newId } from '../../../shared/ids';
import { err, ok, type Result } from '../../../shared/result';
import type { TreuDatabase } from '../../storage/database';
import type { ProgramRow } from '../../storage/rows';
import { appendEventsIf } from '../../terminal/append-events';
import type { Session } from '../../terminal/sign-in';
import type { ProgramDraft } from './validation-words';

export type PublishError =
  | { readonly code: 'unchanged' }
  | { readonly code: 'manager_required' }
  | { readonly code: 'unknown_program' }
  /** Another version (`version`) became the newest after the editor was opened. */
  | { readonly code: 'changed_meanwhile'; readonly version: number };

export interface Published {
  readonly program: string;
  readonly version: number;
  readonly event: LedgerEvent;
  /** The program as now published: the base of the next edit. */
  readonly row: ProgramRow;
}

/** Whether the draft says exactly what the program's newest version says. */
export function isUnchanged(draft: ProgramDraft, current: ProgramRow | undefined): boolean {
  return (
    current !== undefined &&
    canonicalJson({ name: draft.name, rules: draft.rules }) ===
      canonicalJson({ name: current.name, rules: current.rules })
  );
}

/** Whether the stored program is still the version the editor was opened from. */
async function checkBase(
  db: TreuDatabase,
  base: ProgramRow,
): Promise<Result<ProgramRow, PublishError>> {
  const stored = await db.programs.get(base.id);
  if (!stored) return err({ code: 'unknown_program' });
  // The clock value tells two versions apart even when both carry the same number
  // (two terminals that published version N+1 offline).
  if (stored.publishedHlc !== base.publishedHlc || stored.version !== base.version) {
    return err({ code: 'changed_meanwhile', version: stored.version });
  }
  return ok(stored);
}

/**
 * Publishes `draft` as the next version after `base`, the program as the editor was
 * opened from it (undefined: a new program). The draft must have passed
 * checkProgramDraft; the append checks it once more.
 */
export async function publishProgram(
  db: TreuDatabase,
  session: Session,
  base: ProgramRow | undefined,
  draft: ProgramDraft,
  nowMs = Date.now(),
): Promise<Result<Published, PublishError>> {
  if (session.role !== 'manager') return err({ code: 'manager_required' });
  if (isUnchanged(draft, base)) return err({ code: 'unchanged' });
  const id = base?.id ?? newId('program');
  const version = (base?.version ?? 0) + 1;
  const appended = await appendEventsIf(
    db,
    [
      {
        type: 'program.published',
        data: { program: id, version, name: draft.name, rules: draft.rules },
      },
    ],
    (tx) => (base ? checkBase(tx, base) : Promise.resolve(ok(undefined))),
    { staff: session.staff, nowMs },
  );
  if (!appended.ok) return appended;
  const [event] = appended.value;
  if (!event) throw new Error('appendEvents returned no event for one draft: a bug.');
  const row = { id, version, name: draft.name, rules: draft.rules, publishedHlc: event.hlc };
  return ok({ program: id, version, event, row });
}
