/**
 * A page of a tenant's rows after a pull cursor (a position this server gave), for every
 * pull that goes on by position: events and member profiles. A cursor beyond the newest
 * position means the server's data was reset or restored: answering "nothing new" would
 * hide every row stored from then on, so it is told apart.
 */
export type CursorPage<T> =
  | { readonly ok: true; readonly page: T[]; readonly cursor: string; readonly more: boolean }
  | { readonly ok: false; readonly newest: number };

export async function pageAfterCursor<T extends { readonly position: number }>(
  after: number,
  limit: number,
  read: (after: number, limit: number) => Promise<T[]>,
  newest: () => Promise<number>,
): Promise<CursorPage<T>> {
  const rows = await read(after, limit + 1);
  const page = rows.slice(0, limit);
  if (page.length === 0 && after > 0) {
    const newestPosition = await newest();
    if (after > newestPosition) return { ok: false, newest: newestPosition };
  }
  return {
    ok: true,
    page,
    cursor: String(page.at(-1)?.position ?? after),
    more: rows.length > limit,
  };
}
