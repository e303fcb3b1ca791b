/**
 * Enrolment and the member desk: enrol a member with a card, block a lost card and link
 * a new one, merge duplicates, erase a member, export a member's data. Input a person
 * typed is checked against the event schemas before anything is signed.
 */
import { newCardId, type CardKind } from '../../shared/card-code';
import { newId } from '../../shared/ids';
import type { EventDraft, LedgerEvent } from '../../shared/ledger/envelope';
import type { EventData } from '../../shared/ledger/event-types';
import { err, ok, type Result } from '../../shared/result';
import { decide, type MemberProfile } from '../../shared/rules/decide';
import { newMemberState } from '../../shared/rules/member-state';
import { refuse, type Refusal } from '../../shared/rules/refusal';
import { appendEvents } from './append-events';
import { checkDraft, type InvalidDraft } from './check-draft';
import type { CounterContext } from './counter-actions';
import { memberHistory, readMember, type MemberDetails } from './member-reads';

export type MemberDeskError =
  | Refusal
  | InvalidDraft
  | { readonly code: 'card_in_use'; readonly card: string }
  | { readonly code: 'unknown_member' }
  | { readonly code: 'unknown_program' }
  | { readonly code: 'same_member' };

export type DeskResult<T> = Result<T, MemberDeskError>;

export interface NewCard {
  readonly id: string;
  readonly kind: CardKind;
}

async function commit(
  ctx: CounterContext,
  drafts: readonly EventDraft[],
): Promise<DeskResult<LedgerEvent[]>> {
  for (const draft of drafts) {
    const checked = checkDraft(draft);
    if (!checked.ok) return checked;
  }
  return ok(await appendEvents(ctx.db, drafts, { staff: ctx.session.staff, nowMs: ctx.nowMs }));
}

async function cardIsFree(ctx: CounterContext, card: string): Promise<boolean> {
  return (await ctx.db.cards.get(card)) === undefined;
}

export interface Enrolment {
  readonly profile: MemberProfile;
  /** A scanned NFC or barcode card; without one the member gets a new QR card. */
  readonly card?: NewCard | undefined;
  /** The member who referred them, identified by scanning their card. */
  readonly referredBy?: string | undefined;
}

export async function enrolMember(
  ctx: CounterContext,
  program: string,
  enrolment: Enrolment,
): Promise<DeskResult<{ member: string; card: NewCard; events: LedgerEvent[] }>> {
  const programRow = await ctx.db.programs.get(program);
  if (!programRow) return err({ code: 'unknown_program' });
  const card = enrolment.card ?? { id: newCardId(), kind: 'qr' };
  if (!(await cardIsFree(ctx, card.id))) return err({ code: 'card_in_use', card: card.id });
  const member = newId('member');
  const decision = decide({
    program: { id: program, rules: programRow.rules },
    member: newMemberState(member),
    action: {
      kind: 'enrol',
      member,
      profile: enrolment.profile,
      card,
      ...(enrolment.referredBy === undefined ? {} : { referredBy: enrolment.referredBy }),
    },
    role: ctx.session.role,
    nowMs: ctx.nowMs ?? Date.now(),
    online: ctx.online,
  });
  if (!decision.ok) return decision;
  const events = await commit(ctx, decision.value);
  return events.ok ? ok({ member, card, events: events.value }) : events;
}

export async function blockCard(
  ctx: CounterContext,
  card: string,
  reason: EventData<'card.blocked'>['reason'],
): Promise<DeskResult<LedgerEvent[]>> {
  return commit(ctx, [{ type: 'card.blocked', data: { card, reason } }]);
}

export async function linkCard(
  ctx: CounterContext,
  member: string,
  card: NewCard,
): Promise<DeskResult<LedgerEvent[]>> {
  if (!(await cardIsFree(ctx, card.id))) return err({ code: 'card_in_use', card: card.id });
  return commit(ctx, [{ type: 'card.linked', data: { member, card: card.id, kind: card.kind } }]);
}

/** A lost card: block it and give the member a new one, in one transaction. */
export async function replaceCard(
  ctx: CounterContext,
  member: string,
  lost: string,
  replacement: NewCard,
): Promise<DeskResult<LedgerEvent[]>> {
  if (!(await cardIsFree(ctx, replacement.id))) {
    return err({ code: 'card_in_use', card: replacement.id });
  }
  return commit(ctx, [
    { type: 'card.blocked', data: { card: lost, reason: 'lost' } },
    { type: 'card.linked', data: { member, card: replacement.id, kind: replacement.kind } },
  ]);
}

export async function mergeMembers(
  ctx: CounterContext,
  from: string,
  into: string,
): Promise<DeskResult<LedgerEvent[]>> {
  if (ctx.session.role !== 'manager') return err(refuse.managerRequired());
  if (from === into) return err({ code: 'same_member' });
  return commit(ctx, [{ type: 'member.merged', data: { from, into } }]);
}

export async function eraseMember(
  ctx: CounterContext,
  member: string,
): Promise<DeskResult<LedgerEvent[]>> {
  if (ctx.session.role !== 'manager') return err(refuse.managerRequired());
  return commit(ctx, [{ type: 'member.erased', data: { member } }]);
}

export async function updateMember(
  ctx: CounterContext,
  member: string,
  changes: Omit<EventData<'member.updated'>, 'member'>,
): Promise<DeskResult<LedgerEvent[]>> {
  return commit(ctx, [{ type: 'member.updated', data: { member, ...changes } }]);
}

/** Everything the terminal holds about a member (GDPR Art. 15), as one JSON document. */
export interface MemberExport {
  readonly exportedAt: string;
  readonly member: MemberDetails['member'];
  readonly balances: MemberDetails['balances'];
  readonly cards: MemberDetails['cards'];
  readonly events: readonly LedgerEvent[];
}

export async function exportMember(
  ctx: CounterContext,
  member: string,
): Promise<DeskResult<MemberExport>> {
  if (ctx.session.role !== 'manager') return err(refuse.managerRequired());
  const details = await readMember(ctx.db, member);
  if (!details) return err({ code: 'unknown_member' });
  const events = await memberHistory(ctx.db, details);
  return ok({
    exportedAt: new Date(ctx.nowMs ?? Date.now()).toISOString(),
    member: details.member,
    balances: details.balances,
    cards: details.cards,
    events: [...events].reverse(),
  });
}
