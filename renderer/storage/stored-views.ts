/**
 * The projection tables as shared/projection's DerivedViews, for the rows an event can
 * touch: load them, let the shared fold change them, write them back. The rows are the
 * views themselves (rows.ts), so this is a copy in each direction and nothing else.
 */
import type { LedgerEvent } from '../../shared/ledger/envelope';
import { emptyViews, type DerivedViews } from '../../shared/projection/derived-views';
import { cardChangedBy, membersNamedBy } from '../../shared/projection/ledger-index';
import type { MemberView } from '../../shared/projection/views';
import { Dexie, type Table } from 'dexie';
import type { TreuDatabase } from './database';
import type { BalanceRow, MemberRow } from './rows';

/** Lower-case words of the name and the digits of the phone: what member search matches. */
export function searchTerms(member: Omit<MemberView, 'balances'>): string[] {
  const words = (member.name ?? '').toLocaleLowerCase().split(/\s+/u).filter(Boolean);
  const digits = (member.phone ?? '').replace(/\D/gu, '');
  return [...new Set([...words, ...(digits ? [digits] : [])])];
}

export function memberRow(member: MemberView): MemberRow {
  const { balances: _balances, ...view } = member;
  return { ...view, cards: [...view.cards], search: searchTerms(view) };
}

/** Rows by primary key, in order; no request when there are no keys. */
function getAll<T, K>(table: Table<T, K>, keys: readonly K[]): Promise<(T | undefined)[]> {
  return keys.length === 0 ? Promise.resolve([]) : table.bulkGet([...keys]);
}

/** A member's balance rows: a range of the balances' own key, `[member+program]`. */
export const balancesOfMember = (db: TreuDatabase, member: string) =>
  db.balances
    .where('[member+program]')
    .between([member, Dexie.minKey], [member, Dexie.maxKey], true, true);

async function balancesOf(db: TreuDatabase, members: readonly string[]): Promise<BalanceRow[]> {
  const each = await Promise.all(members.map((member) => balancesOfMember(db, member).toArray()));
  return each.flat();
}

function memberView(row: MemberRow, balances: readonly BalanceRow[]): MemberView {
  const { search: _search, ...view } = row;
  return {
    ...view,
    cards: [...view.cards],
    balances: new Map(balances.map((b) => [b.program, { ...b, earnings: [...b.earnings] }])),
  };
}

/**
 * The views of these members (and whoever they were merged into, with their balances and
 * cards) and of these cards, and every program. Read in rounds, each round's requests
 * together: the named rows first, then the cards and merge targets they name, until
 * nothing new is named (two rounds for a member that was never merged).
 */
export async function loadViews(
  db: TreuDatabase,
  ids: { readonly members: readonly string[]; readonly cards: readonly string[] },
): Promise<DerivedViews> {
  const views = emptyViews();
  const programs = db.programs.toArray();
  let members = new Set(ids.members);
  let cards = new Set(ids.cards);
  while (members.size > 0 || cards.size > 0) {
    const memberIds = [...members];
    const [memberRows, balances, cardRows] = await Promise.all([
      getAll(db.members, memberIds),
      balancesOf(db, memberIds),
      getAll(db.cards, [...cards]),
    ]);
    members = new Set();
    cards = new Set();
    for (const card of cardRows) if (card) views.cards.set(card.id, card);
    for (const row of memberRows) {
      if (!row) continue;
      const member = memberView(
        row,
        balances.filter((balance) => balance.member === row.id),
      );
      views.members.set(row.id, member);
      for (const card of member.cards) if (!views.cards.has(card)) cards.add(card);
      const into = member.mergedInto;
      if (into !== undefined && !views.members.has(into)) members.add(into);
    }
    for (const id of members) if (views.members.has(id)) members.delete(id);
  }
  for (const program of await programs) views.programs.set(program.id, program);
  return views;
}

/** The members and cards these events name: whose rows a fold of them reads and changes. */
export function idsNamedBy(events: readonly LedgerEvent[]): {
  readonly members: string[];
  readonly cards: string[];
} {
  return {
    members: events.flatMap(membersNamedBy),
    cards: events.flatMap((event) => {
      const card =
        cardChangedBy(event) ?? (event.type === 'stamps.earned' ? event.data.card : undefined);
      return card === undefined ? [] : [card];
    }),
  };
}

/**
 * The views every fold step of these events may read or change: the members they name
 * and whoever those were merged into, with their balances and cards; the cards they
 * name; every program. Redemptions start empty: a fold step only adds new ones.
 */
export function loadViewsFor(
  db: TreuDatabase,
  events: readonly LedgerEvent[],
): Promise<DerivedViews> {
  return loadViews(db, idsNamedBy(events));
}

/**
 * Puts rows, if there are any. An empty bulk write makes no IndexedDB request, and a
 * transaction with no request pending may commit before the next one is made.
 */
export async function putAll<T, K>(table: Table<T, K>, rows: readonly T[]): Promise<void> {
  if (rows.length > 0) await table.bulkPut(rows);
}

/** The rows of some views as JSON, by key: what a fold is compared with to see what it changed. */
export interface RowsAsRead {
  readonly members: ReadonlyMap<string, string>;
  readonly balances: ReadonlyMap<string, string>;
  readonly cards: ReadonlyMap<string, string>;
}

/** A balance's primary key, [member, program], as one string. */
const balanceKey = (balance: BalanceRow) => JSON.stringify([balance.member, balance.program]);
const balancesIn = (views: DerivedViews) =>
  [...views.members.values()].flatMap((member) => [...member.balances.values()]);

/** Takes RowsAsRead of freshly loaded views, before anything is folded into them. */
export function rowsAsRead(views: DerivedViews): RowsAsRead {
  const members = [...views.members.values()].map(memberRow);
  return {
    members: new Map(members.map((row) => [row.id, JSON.stringify(row)])),
    balances: new Map(balancesIn(views).map((row) => [balanceKey(row), JSON.stringify(row)])),
    cards: new Map([...views.cards.values()].map((row) => [row.id, JSON.stringify(row)])),
  };
}

/** The rows that are new or differ from how they were read. */
const changedRows = <T>(
  rows: readonly T[],
  asRead: ReadonlyMap<string, string>,
  key: (row: T) => string,
) => rows.filter((row) => asRead.get(key(row)) !== JSON.stringify(row));

/**
 * Writes back the views' rows that are new or changed since `asRead` (rowsAsRead of the
 * views as loaded), and deletes the balances read that the members hold no more (moved
 * by a merge). Programs only when the events published one: no other event changes them.
 * Every table is written side by side, in one round.
 */
export async function writeViews(
  db: TreuDatabase,
  views: DerivedViews,
  options: { readonly programsChanged: boolean; readonly asRead: RowsAsRead },
): Promise<void> {
  const { asRead } = options;
  const balances = balancesIn(views);
  const held = new Set(balances.map(balanceKey));
  const gone = [...asRead.balances.keys()].filter((key) => !held.has(key));
  await Promise.all([
    putAll(
      db.members,
      changedRows([...views.members.values()].map(memberRow), asRead.members, (row) => row.id),
    ),
    putAll(
      db.cards,
      changedRows([...views.cards.values()], asRead.cards, (row) => row.id),
    ),
    putAll(db.redemptions, [...views.redemptions.values()]),
    options.programsChanged ? putAll(db.programs, [...views.programs.values()]) : undefined,
    gone.length > 0
      ? db.balances.bulkDelete(gone.map((key) => JSON.parse(key) as [string, string]))
      : undefined,
    putAll(db.balances, changedRows(balances, asRead.balances, balanceKey)),
  ]);
}
