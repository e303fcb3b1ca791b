/** Typed access to the single rows of terminal state (identity, clock, settings, …). */
import type { TreuDatabase } from './database';
import type { MetaKey, MetaValues } from './rows';

export async function readMeta<K extends MetaKey>(
  db: TreuDatabase,
  key: K,
): Promise<MetaValues[K] | undefined> {
  const row = await db.meta.get(key);
  // Only writeMeta writes this table, always with the value type of its key.
  return row?.value as MetaValues[K] | undefined;
}

export async function writeMeta<K extends MetaKey>(
  db: TreuDatabase,
  key: K,
  value: MetaValues[K],
): Promise<void> {
  await db.meta.put({ key, value });
}
