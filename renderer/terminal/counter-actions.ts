/**
 * The cashier's actions on an identified member: stamp a purchase, redeem a reward,
 * undo the last action, adjust (manager), take feedback. Each reads the member's state
 * from the stored projection, asks the shared rule engine, and on a yes appends the
 * events in one transaction (append-events.ts); on a no returns the refusal, having
 * written nothing.
 */
import { hlcWallMs } from '../../shared/clock';
import type { LedgerEvent } from '../../shared/ledger/envelope';
import { isVoidable } from '../../shared/ledger/event-types';
import type { DerivedViews } from '../../shared/projection/derived-views';
import { foldEvent } from '../../shared/projection/fold-step';
import { err, ok, type Result } from '../../shared/result';
import { decide, type CashierAction } from '../../shared/rules/decide';
import { cardStateFor, memberStateFor } from '../../shared/rules/member-state';
import type { Refusal } from '../../shared/rules/refusal';
import { readOnly, type TreuDatabase } from '../storage/database';
import { voidedAmong } from '../storage/event-queries';
import { readMeta } from '../storage/meta';
import { SnapshotMoved } from '../storage/record-on-snapshot';
import { loadViews } from '../storage/stored-views';
import { appendEvents } from './append-events';
import type { MemberDetails } from './member-reads';
import { memberHistory, readMember } from './member-reads';
import type { Session } from './sign-in';

export interface CounterContext {
  readonly db: TreuDatabase;
  readonly session: Session;
  readonly online: boolean;
  /** The wall clock; tests set it. */
  readonly nowMs?: number;
}

export type CounterError =
  | Refusal
  | { readonly code: 'unknown_program'; readonly message: string }
  | { readonly code: 'nothing_to_undo'; readonly message: string };

export interface Done {
  readonly events: readonly LedgerEvent[];
  /** The member's balance in the program after the action, when the action has a member. */
  readonly balance: number | undefined;
}

export type ActionResult = Result<Done, CounterError>;

const now = (ctx: CounterContext) => ctx.nowMs ?? Date.now();

/** The stamps an action gave the member: the purchase's, and any campaign or birthday bonus. */
export const stampsGiven = (events: readonly LedgerEvent[], member: string): number =>
  events.reduce(
    (sum, event) =>
      sum + (event.type === 'stamps.earned' && event.data.member === member ? event.data.count : 0),
    0,
  );

/** Commits checked against the views decided on, before one without that check (see below). */
const CHECKED_ATTEMPTS = 2;

async function act(
  ctx: CounterContext,
  member: string,
  program: string,
  action: CashierAction,
  card?: string,
  read?: DerivedViews,
): Promise<ActionResult> {
  let checked = 0;
  let decideOn = read;
  for (;;) {
    const views =
      decideOn ??
      (await readOnly(ctx.db, (tx) =>
        loadViews(tx, { members: [member], cards: card ? [card] : [] }),
      ));
    decideOn = undefined;
    const programView = views.programs.get(program);
    if (!programView) {
      return err({ code: 'unknown_program', message: `There is no program ${program} here.` });
    }
    const nowMs = now(ctx);
    const decision = decide({
      program: { id: program, rules: programView.rules },
      member: memberStateFor(views, member, program, nowMs),
      card: card === undefined ? undefined : cardStateFor(views, card),
      action,
      role: ctx.session.role,
      nowMs,
      online: ctx.online,
    });
    if (!decision.ok) return decision;
    // The commit checks that the views decided on are still what is stored (another
    // window may have stamped the same card meanwhile), and if not, it is decided again.
    // When they keep changing, or only the events need the careful path (one sorts before
    // an event stored already), it commits without that check, as a sync would; windows
    // racing that long could then still stamp within a cooldown.
    const decidedOn = checked < CHECKED_ATTEMPTS ? views : undefined;
    const events = await appendEvents(ctx.db, decision.value, {
      staff: ctx.session.staff,
      nowMs,
      decidedOn,
    }).catch((error: unknown) => {
      if (!(error instanceof SnapshotMoved)) throw error;
      checked = error.rowsChanged ? checked + 1 : CHECKED_ATTEMPTS;
      return undefined;
    });
    if (!events) continue;
    // The views read for the decision hold every row these events change: folding them
    // here gives the balance after the action without reading it back.
    for (const event of events) foldEvent(views, event);
    return ok({ events, balance: memberStateFor(views, member, program, nowMs).balance });
  }
}

export function stampPurchase(
  ctx: CounterContext,
  member: string,
  program: string,
  purchase: { readonly items?: number; readonly amountCents?: number },
  card?: string,
  /** The member's and card's views when they were read just now (identify's): not read again. */
  read?: DerivedViews,
): Promise<ActionResult> {
  return act(ctx, member, program, { kind: 'stamp', ...purchase }, card, read);
}

export function redeemReward(
  ctx: CounterContext,
  member: string,
  program: string,
  reward: string,
  card?: string,
): Promise<ActionResult> {
  return act(ctx, member, program, { kind: 'redeem', reward }, card);
}

export function adjustStamps(
  ctx: CounterContext,
  member: string,
  program: string,
  count: number,
  /** What the adjustment settles, e.g. an overdraft. */
  ref?: string,
): Promise<ActionResult> {
  return act(ctx, member, program, { kind: 'adjust', count, ref });
}

/**
 * The member's last action on this terminal that can still be undone: its stamps or
 * redemption, with the bonus stamps that came with them (one action's events share the
 * clock's millisecond).
 */
export async function lastUndoable(
  ctx: CounterContext,
  details: MemberDetails,
): Promise<LedgerEvent[]> {
  const history = await memberHistory(ctx.db, details, 50);
  const terminal = (await readMeta(ctx.db, 'identity'))?.terminal;
  const ours = history.filter((event) => isVoidable(event) && event.terminal === terminal);
  const voided = new Set(
    await voidedAmong(
      ctx.db,
      ours.map((event) => event.id),
    ),
  );
  const newest = ours.find((event) => !voided.has(event.id));
  if (!newest) return [];
  const ms = hlcWallMs(newest.hlc);
  return ours.filter((event) => hlcWallMs(event.hlc) === ms && !voided.has(event.id));
}

export async function undoLastAction(
  ctx: CounterContext,
  details: MemberDetails,
): Promise<ActionResult> {
  const targets = await lastUndoable(ctx, details);
  const first = targets[0];
  if (!first || (first.type !== 'stamps.earned' && first.type !== 'reward.redeemed')) {
    return err({ code: 'nothing_to_undo', message: 'There is nothing on this terminal to undo.' });
  }
  const program = first.data.program;
  const views = await loadViews(ctx.db, { members: [details.member.id], cards: [] });
  const rules = views.programs.get(program)?.rules;
  if (!rules) {
    return err({ code: 'unknown_program', message: `There is no program ${program} here.` });
  }
  const nowMs = now(ctx);
  const drafts = [];
  for (const target of targets) {
    const decision = decide({
      program: { id: program, rules },
      member: memberStateFor(views, details.member.id, program, nowMs),
      action: {
        kind: 'undo',
        target: { id: target.id, type: target.type, hlc: target.hlc, voided: false },
      },
      role: ctx.session.role,
      nowMs,
      online: ctx.online,
    });
    if (!decision.ok) return decision;
    drafts.push(...decision.value);
  }
  const events = await appendEvents(ctx.db, drafts, { staff: ctx.session.staff, nowMs });
  // An undo refolds the member's cluster in the store: read the balance it left.
  const after = await readMember(ctx.db, details.member.id);
  return ok({ events, balance: after?.balances.find((b) => b.program === program)?.balance ?? 0 });
}

export async function giveFeedback(
  ctx: CounterContext,
  rating: number,
  member?: string,
  comment?: string,
): Promise<ActionResult> {
  const text = comment?.trim();
  const data = {
    rating,
    ...(member === undefined ? {} : { member }),
    ...(text ? { comment: text } : {}),
  };
  const events = await appendEvents(ctx.db, [{ type: 'feedback.given', data }], {
    staff: ctx.session.staff,
    nowMs: now(ctx),
  });
  return ok({ events, balance: undefined });
}
