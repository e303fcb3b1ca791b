/** What the counter and member screens show about a member, read from the stored projection. */
import { canonicalMember, type DerivedViews } from '../../shared/projection/derived-views';
import type { LedgerEvent } from '../../shared/ledger/envelope';
import type { TreuDatabase } from '../storage/database';
import { eventsNaming } from '../storage/event-queries';
import type { BalanceRow, CardRow, MemberRow, ProgramRow, RedemptionRow } from '../storage/rows';
import { readMeta } from '../storage/meta';
import { loadViews, memberRow } from '../storage/stored-views';
import { DEFAULT_PROGRAM_ID } from './default-program';

export interface MemberDetails {
  readonly member: MemberRow;
  readonly balances: readonly BalanceRow[];
  readonly cards: readonly CardRow[];
}

/**
 * What the screens show of the member that holds the account of `id` (after merges), from
 * views that loadViews loaded for it. Copies: folding into the views later leaves it alone.
 */
export function memberDetailsIn(views: DerivedViews, id: string): MemberDetails | undefined {
  const holder = views.members.get(canonicalMember(views, id));
  if (!holder) return undefined;
  return {
    member: memberRow(holder),
    balances: [...holder.balances.values()].map((b) => ({ ...b, earnings: [...b.earnings] })),
    cards: holder.cards.flatMap((card) => {
      const row = views.cards.get(card);
      return row ? [{ ...row }] : [];
    }),
  };
}

/** The member that holds the account of `id` (after merges), with balances and cards. */
export async function readMember(db: TreuDatabase, id: string): Promise<MemberDetails | undefined> {
  return memberDetailsIn(await loadViews(db, { members: [id], cards: [] }), id);
}

/**
 * The events of the member's account, newest first: its own, those of accounts merged
 * into it, and those of its cards (a block names only the card). The newest `limit` of
 * them, or all when no limit is given.
 */
export async function memberHistory(
  db: TreuDatabase,
  details: MemberDetails,
  limit?: number,
): Promise<LedgerEvent[]> {
  const merged = await db.members.where('mergedInto').equals(details.member.id).primaryKeys();
  const refs = [details.member.id, ...merged, ...details.member.cards];
  const lists = await Promise.all(
    refs.map((ref) => eventsNaming(db, ref, { newestFirst: true, limit })),
  );
  const byId = new Map(lists.flat().map((event) => [event.id, event]));
  return [...byId.values()]
    .sort((a, b) => (a.hlc < b.hlc ? 1 : a.hlc > b.hlc ? -1 : 0))
    .slice(0, limit ?? Infinity);
}

/**
 * The programs, the counter's own first: the one the settings name, else the coffee card
 * the first run made, else the oldest. The counter stamps, and enrolment gives its
 * bonuses, on the first; the others are a tap away.
 */
export async function readPrograms(db: TreuDatabase): Promise<ProgramRow[]> {
  const preferred = (await readMeta(db, 'settings'))?.counterProgram;
  return inCounterOrder(await db.programs.toArray(), preferred);
}

/** Programs with the counter's own first (see readPrograms), the others oldest first. */
export function inCounterOrder(
  programs: Iterable<ProgramRow>,
  preferred: string | undefined,
): ProgramRow[] {
  const first = preferred ?? DEFAULT_PROGRAM_ID;
  const rank = (program: ProgramRow) => (program.id === first ? 0 : 1);
  return [...programs].sort(
    (a, b) => rank(a) - rank(b) || (a.publishedHlc < b.publishedHlc ? -1 : 1),
  );
}

/** Members whose name words or phone digits start with what was typed; or by card number. */
export async function searchMembers(
  db: TreuDatabase,
  query: string,
  limit = 20,
): Promise<MemberRow[]> {
  const words = query.toLocaleLowerCase().split(/\s+/u).filter(Boolean);
  const first = words[0];
  if (first === undefined) return [];
  const digits = query.replace(/\D/gu, '');
  const byTerm =
    digits.length >= 3 && digits.length === query.replace(/[\s()+/-]/gu, '').length
      ? await db.members
          .where('search')
          .startsWith(digits)
          .limit(limit * 4)
          .toArray()
      : await db.members
          .where('search')
          .startsWith(first)
          .limit(limit * 4)
          .toArray();
  const matches = byTerm.filter(
    (member) =>
      member.mergedInto === undefined &&
      !member.erased &&
      words.every((word) => member.search.some((term) => term.startsWith(word))),
  );
  const card = await db.cards.get(query.trim().toLowerCase());
  const byCard = card ? await db.members.get(card.member) : undefined;
  const all = byCard ? [byCard, ...matches.filter((m) => m.id !== byCard.id)] : matches;
  return [...new Map(all.map((m) => [m.id, m])).values()].slice(0, limit);
}

/**
 * The member's redemptions in a program that overdrew the balance: two offline terminals
 * handed out the same stamps. Those of accounts merged into this one count too.
 */
export async function overdraftsOf(
  db: TreuDatabase,
  details: MemberDetails,
  program: string,
): Promise<RedemptionRow[]> {
  const merged = await db.members.where('mergedInto').equals(details.member.id).primaryKeys();
  const redemptions = await db.redemptions
    .where('member')
    .anyOf([details.member.id, ...merged])
    .toArray();
  return redemptions.filter((r) => r.overdraft && r.program === program);
}
