/**
 * How a manager's settlement names the overdraft it settles: a stamp adjustment whose
 * `ref` is `overdraft:<redemption id>`. The ledger has no "resolved" flag to edit; the
 * settlement is an event like any other, and every replica reads it the same way.
 */
import type { LedgerEvent } from '../ledger/envelope';

const PREFIX = 'overdraft:';

export const overdraftRef = (redemptionId: string): string => `${PREFIX}${redemptionId}`;

/** The redemption an event settles, if it is a settlement. */
export function settledOverdraft(event: LedgerEvent): string | undefined {
  if (event.type !== 'stamps.earned' || event.data.reason !== 'adjustment') return undefined;
  const ref = event.data.ref;
  return ref?.startsWith(PREFIX) ? ref.slice(PREFIX.length) : undefined;
}
