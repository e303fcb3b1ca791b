/**
 * Publishing a program: a `program.published` event with the next version (a new
 * program gets a new id and version 1), signed by the terminal for the signed-in
 * manager, through the one signed append (and its lock) like every counter action.
 * Sync takes it to every terminal; the newest version by the ledger's total order wins.
 */
import type { LedgerEvent } from '../../../shared/ledger/envelope';
import { canonicalJson } from '../../../shared/ledger/canonical-json';
import { newId } from '../../../shared/ids';
import { err, ok, type Result } from '../../../shared/result';
import type { TreuDatabase } from '../../storage/database';
import type { ProgramRow } from '../../storage/rows';
import { appendEvents } from '../../terminal/append-events';
import type { Session } from '../../terminal/sign-in';
import type { ProgramDraft } from './validation-words';

export type PublishError =
  | { readonly code: 'unchanged' }
  | { readonly code: 'manager_required' }
  | { readonly code: 'unknown_program' };

export interface Published {
  readonly program: string;
  readonly version: number;
  readonly event: LedgerEvent;
}

/** Whether the draft says exactly what the program's newest version says. */
export function isUnchanged(draft: ProgramDraft, current: ProgramRow | undefined): boolean {
  return (
    current !== undefined &&
    canonicalJson({ name: draft.name, rules: draft.rules }) ===
      canonicalJson({ name: current.name, rules: current.rules })
  );
}

/**
 * Publishes `draft` as the next version of `program` (undefined: a new program).
 * The draft must have passed checkProgramDraft; the append checks it once more.
 */
export async function publishProgram(
  db: TreuDatabase,
  session: Session,
  program: string | undefined,
  draft: ProgramDraft,
  nowMs = Date.now(),
): Promise<Result<Published, PublishError>> {
  if (session.role !== 'manager') return err({ code: 'manager_required' });
  const current = program === undefined ? undefined : await db.programs.get(program);
  if (program !== undefined && !current) return err({ code: 'unknown_program' });
  if (isUnchanged(draft, current)) return err({ code: 'unchanged' });
  const id = program ?? newId('program');
  const version = (current?.version ?? 0) + 1;
  const [event] = await appendEvents(
    db,
    [
      {
        type: 'program.published',
        data: { program: id, version, name: draft.name, rules: draft.rules },
      },
    ],
    { staff: session.staff, nowMs },
  );
  if (!event) throw new Error('appendEvents returned no event for one draft: a bug.');
  return ok({ program: id, version, event });
}
