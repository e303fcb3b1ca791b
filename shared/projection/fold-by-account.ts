/**
 * The full fold of a ledger read in account order (shared/ledger/account-order.ts): the
 * same fold step as `foldEvents`, and the same views, in a different walk.
 *
 * In total order, each stamp of a big ledger searches memory for its member, balance and
 * card among all members' views, and those reads are most of the fold's time (README,
 * the ledger bench). In account order a member's events come together: after its first
 * event, its views are in cache.
 *
 * Why the walk ends where the total order ends: the fold step of an account's event
 * reads and writes that account's views only, but for these, each handled here:
 * - Which version of a program is in effect: the published versions are replayed up to
 *   each event, and taken back when the next account begins before them.
 * - Merges join accounts: merged accounts, with the merges, are folded last, together,
 *   in total order ("set aside").
 * - A card linked by two accounts belongs to the one that linked it first in total
 *   order: when a walk finds such a card, both accounts are set aside too and the walk
 *   starts again (rare: it takes two terminals linking one card).
 * - A block counts only when the card was linked before it: blocks come last, each
 *   compared with the place of its card's link.
 * Voids are events of no account, so every voided event is known before it is met.
 *
 * Events that are not in account order are folded by `foldEvents` instead: the same
 * views, at that fold's speed.
 */
import { hlcWallMs } from '../clock';
import { accountOf } from '../ledger/account-order';
import type { EventOf, LedgerEvent } from '../ledger/envelope';
import { compareEvents, dropDuplicates, inTotalOrder } from '../ledger/order';
import { emptyViews, type DerivedViews } from './derived-views';
import { foldKnown, KIND, kindOf, programViewOf } from './fold-step';
import { foldEvents } from './projection';
import { createVoidTargets, type VoidTargets } from './void-targets';
import type { ProgramView } from './views';

/** What the events of no account, at the head of the input, tell the walk. */
interface Unowned {
  /** In total order, with the view each makes. */
  readonly publishes: readonly EventOf<'program.published'>[];
  readonly programs: readonly ProgramView[];
  readonly voidTargets: VoidTargets;
  readonly merges: readonly EventOf<'member.merged'>[];
  readonly blocks: readonly EventOf<'card.blocked'>[];
}

function readUnowned(head: LedgerEvent[]): Unowned {
  const ordered = inTotalOrder(head);
  dropDuplicates(ordered);
  const publishes: EventOf<'program.published'>[] = [];
  const voidTargets = createVoidTargets();
  const merges: EventOf<'member.merged'>[] = [];
  const blocks: EventOf<'card.blocked'>[] = [];
  for (const event of ordered) {
    if (event.type === 'program.published') publishes.push(event);
    else if (event.type === 'event.voided') voidTargets.add(event.data.target);
    else if (event.type === 'member.merged') merges.push(event);
    else if (event.type === 'card.blocked') blocks.push(event);
  }
  return { publishes, programs: publishes.map(programViewOf), voidTargets, merges, blocks };
}

/**
 * `views.programs` as it stood at a place in total order: moved forward event by event,
 * and back (each version undone) to where the next account begins.
 */
function programTimeline(views: DerivedViews, { publishes, programs }: Unowned) {
  /** The view each version replaced, when the versions are applied in total order. */
  const replaced: (ProgramView | undefined)[] = [];
  const newest = new Map<string, ProgramView>();
  for (const program of programs) {
    replaced.push(newest.get(program.id));
    newest.set(program.id, program);
  }
  let applied = 0;
  const applyNext = () => {
    const program = programs[applied] as ProgramView;
    views.programs.set(program.id, program);
    applied += 1;
  };
  return {
    /** The versions published before `event` (which comes after every place asked so far). */
    before(event: LedgerEvent) {
      for (let next = publishes[applied]; next !== undefined; next = publishes[applied]) {
        if (compareEvents(next, event) > 0) return;
        applyNext();
      }
    },
    /** Back to the versions published before `event`. */
    rewindTo(event: LedgerEvent) {
      for (let last = publishes[applied - 1]; last !== undefined; last = publishes[applied - 1]) {
        if (compareEvents(last, event) < 0) return;
        applied -= 1;
        const { id } = programs[applied] as ProgramView;
        const before = replaced[applied];
        if (before === undefined) views.programs.delete(id);
        else views.programs.set(id, before);
      }
    },
    /** Every version: the programs at the end of the ledger. */
    finish() {
      while (applied < publishes.length) applyNext();
    },
  };
}

/** Accounts that a walk found linking one card, to set aside and walk again. */
interface CardConflict {
  readonly accounts: readonly string[];
}

const NOT_IN_ACCOUNT_ORDER = 'not in account order';

/**
 * One walk over the accounts (from `start`), with the accounts in `setAside` folded last,
 * together with the merges.
 */
function walk(
  events: readonly LedgerEvent[],
  start: number,
  unowned: Unowned,
  setAside: ReadonlySet<string>,
): DerivedViews | CardConflict | typeof NOT_IN_ACCOUNT_ORDER {
  const views = emptyViews();
  const timeline = programTimeline(views, unowned);
  const { voidTargets } = unowned;
  const blockedCards = new Set(unowned.blocks.map((block) => block.data.card));
  /** The link in effect of each card that some block names. */
  const links = new Map<string, LedgerEvent>();

  /** Folds `event` (after all before it); names the account a card link conflicts with. */
  const fold = (event: LedgerEvent, mayHold: (member: string) => boolean) => {
    timeline.before(event);
    const kind = kindOf(event.type);
    if (kind === KIND.stamps || kind === KIND.redeemed) {
      if (voidTargets.size > 0 && voidTargets.has(event.id)) return undefined;
    } else if (kind === KIND.cardLinked) {
      const { card } = (event as EventOf<'card.linked'>).data;
      const linked = views.cards.get(card);
      if (linked !== undefined && !mayHold(linked.member)) return linked.member;
      if (linked === undefined && blockedCards.has(card)) links.set(card, event);
    }
    foldKnown(views, event, kind, hlcWallMs(event.hlc));
    return undefined;
  };

  const finished = new Set<string>();
  const later: LedgerEvent[] = [...unowned.merges];
  let account: string | undefined;
  let previous: LedgerEvent | undefined;
  let aside = false;
  const isAccount = (member: string) => member === account;
  for (let i = start; i < events.length; i++) {
    const event = events[i] as LedgerEvent;
    const owner = accountOf(event);
    if (owner === undefined) return NOT_IN_ACCOUNT_ORDER;
    if (owner === account && previous !== undefined) {
      const order = compareEvents(previous, event);
      if (order > 0) return NOT_IN_ACCOUNT_ORDER;
      if (order === 0) continue; // the same event again
    } else {
      if (finished.has(owner)) return NOT_IN_ACCOUNT_ORDER;
      finished.add(owner);
      account = owner;
      aside = setAside.has(owner);
      if (!aside) timeline.rewindTo(event);
    }
    previous = event;
    if (aside) {
      later.push(event);
      continue;
    }
    const other = fold(event, isAccount);
    if (other !== undefined) return { accounts: [owner, other] };
  }

  const together = inTotalOrder(later);
  const first = together[0];
  if (first !== undefined) timeline.rewindTo(first);
  const isSetAside = (member: string) => setAside.has(member);
  for (const event of together) {
    const other = fold(event, isSetAside);
    if (other !== undefined) return { accounts: [other] };
  }
  timeline.finish();
  for (const block of unowned.blocks) {
    const link = links.get(block.data.card);
    if (link !== undefined && compareEvents(link, block) < 0) {
      foldKnown(views, block, KIND.cardBlocked, hlcWallMs(block.hlc));
    }
  }
  return views;
}

/**
 * The views of `events` read in account order, the same as `foldEvents(events).views`;
 * undefined when they are not in account order. The events of no account at the head may
 * be in any order.
 */
export function foldAccounts(events: readonly LedgerEvent[]): DerivedViews | undefined {
  let start = 0;
  while (start < events.length && accountOf(events[start] as LedgerEvent) === undefined) {
    start += 1;
  }
  const unowned = readUnowned(events.slice(0, start));
  const setAside = new Set<string>();
  for (const { data } of unowned.merges) setAside.add(data.from).add(data.into);
  for (;;) {
    const walked = walk(events, start, unowned, setAside);
    if (walked === NOT_IN_ACCOUNT_ORDER) return undefined;
    if (!('accounts' in walked)) return walked;
    for (const member of walked.accounts) setAside.add(member);
  }
}

/** The views of `events`: fast in account order, as fast as `foldEvents` in any other. */
export function foldInAccountOrder(events: readonly LedgerEvent[]): DerivedViews {
  return foldAccounts(events) ?? foldEvents(events).views;
}
