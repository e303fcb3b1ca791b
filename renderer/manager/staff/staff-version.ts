/**
 * The version a staff change gets (shared/sync/staff-protocol.ts): a tick of this
 * terminal's clock, taken past the version of the record it changes. So a change always
 * wins over the version it was made from, whatever the wall clocks of the terminals say;
 * two changes made without seeing each other are ordered by time, then by terminal id,
 * the same way everywhere. The terminal's clock itself is left as it is: only the order
 * of one person's versions matters, and the record's previous version carries that.
 */
import { formatHlc, initialClock, parseHlc, tickSend, type HlcState } from '../../../shared/clock';
import type { TreuDatabase } from '../../storage/database';
import { readMeta } from '../../storage/meta';

const isLater = (a: HlcState, b: HlcState) =>
  a.wallMs > b.wallMs || (a.wallMs === b.wallMs && a.counter > b.counter);

export async function nextStaffVersion(
  tx: TreuDatabase,
  previous: string | undefined,
  nowMs: number,
): Promise<string> {
  const [identity, cursor] = await Promise.all([readMeta(tx, 'identity'), readMeta(tx, 'cursor')]);
  const node = identity?.terminal ?? 'term_local';
  let base: HlcState = cursor?.clock ?? initialClock(node);
  const before = previous === undefined ? undefined : parseHlc(previous);
  if (before?.ok && isLater(before.value, base)) base = before.value;
  return formatHlc(tickSend({ ...base, node }, nowMs));
}
