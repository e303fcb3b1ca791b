/** Enrolling this terminal with a server: the code a manager made, then adoptEnrolment. */
import { err, ok, type Result } from '../../shared/result';
import type { TreuDatabase } from '../storage/database';
import { readMeta } from '../storage/meta';
import type { SyncProblem } from '../storage/rows';
import { adoptEnrolment } from './adopt-enrolment';
import { enrolAt } from './protocol-client';

export type EnrolError =
  | SyncProblem
  | { readonly code: 'unknown_code' | 'code_used' | 'code_expired' }
  | { readonly code: 'not_set_up' }
  | { readonly code: 'already_enrolled'; readonly url: string }
  | { readonly code: 'bad_address' }
  | { readonly code: 'ledger_changed' };

const CODE_REFUSALS = ['unknown_code', 'code_used', 'code_expired'] as const;

/** The server's base address from what was typed: a scheme is added when missing. */
export function serverAddress(typed: string): string | undefined {
  const text = typed.trim();
  if (!text) return undefined;
  try {
    const url = new URL(/^https?:\/\//iu.test(text) ? text : `http://${text}`);
    return `${url.protocol}//${url.host}/`;
  } catch {
    // Not an address at all: the caller says so in words.
    return undefined;
  }
}

export async function enrolTerminal(
  db: TreuDatabase,
  input: { readonly server: string; readonly code: string; readonly name: string },
  nowMs = Date.now(),
): Promise<Result<{ readonly storeName: string }, EnrolError>> {
  const url = serverAddress(input.server);
  if (url === undefined) return err({ code: 'bad_address' });
  const [identity, linked] = await Promise.all([readMeta(db, 'identity'), readMeta(db, 'server')]);
  if (!identity) return err({ code: 'not_set_up' });
  if (linked) return err({ code: 'already_enrolled', url: linked.url });
  const answer = await enrolAt(url, {
    code: input.code,
    name: input.name,
    publicKey: identity.publicKeyText,
  });
  if (!answer.ok) {
    const refused = CODE_REFUSALS.find((code) => code === answer.error.serverCode);
    return refused ? err({ code: refused }) : answer;
  }
  const adopted = await adoptEnrolment(db, answer.value, url, nowMs);
  if (!adopted.ok) return adopted;
  return ok({ storeName: answer.value.storeName });
}
