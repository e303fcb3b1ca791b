/**
 * A terminal in memory, for the demo: the same steps the real terminal takes on each
 * counter action (decide → envelope → sign → fold), without storage or network.
 */
import { initialClock } from '../../shared/clock';
import type { LedgerEvent } from '../../shared/ledger/envelope';
import {
  nextEvent,
  type AppendState,
  type TerminalIdentity,
} from '../../shared/ledger/event-factory';
import {
  generateSigningKeyPair,
  signEvent,
  type SigningKeyPair,
} from '../../shared/ledger/signing';
import { applyEvents, createProjection, type Projection } from '../../shared/projection/projection';
import { decide, type CashierAction } from '../../shared/rules/decide';
import { cardStateFor, memberStateFor, newMemberState } from '../../shared/rules/member-state';
import type { Refusal } from '../../shared/rules/refusal';

export interface DemoTerminal {
  readonly identity: TerminalIdentity;
  readonly keys: SigningKeyPair;
  readonly projection: Projection;
  /** Events this terminal made, in the order it made them. */
  readonly made: LedgerEvent[];
  state: AppendState;
}

export async function createDemoTerminal(identity: TerminalIdentity): Promise<DemoTerminal> {
  return {
    identity,
    keys: await generateSigningKeyPair(),
    projection: createProjection(),
    made: [],
    state: { clock: initialClock(identity.terminal), seq: 0 },
  };
}

/** Signs and appends drafts as this terminal's next events. */
export async function appendDrafts(
  terminal: DemoTerminal,
  drafts: Parameters<typeof nextEvent>[2][],
  nowMs: number,
  staff: string,
): Promise<LedgerEvent[]> {
  const signed: LedgerEvent[] = [];
  for (const draft of drafts) {
    const next = nextEvent(terminal.identity, terminal.state, draft, nowMs, staff);
    terminal.state = next.state;
    signed.push(await signEvent(next.event, terminal.keys.privateKey));
  }
  applyEvents(terminal.projection, signed);
  terminal.made.push(...signed);
  return signed;
}

export interface CounterRequest {
  readonly member: string;
  readonly program: string;
  readonly action: CashierAction;
  readonly card?: string;
  readonly nowMs: number;
  readonly online: boolean;
  readonly staff: string;
}

/** One counter action: the events it appended, or the refusal the cashier would see. */
export async function counterAction(
  terminal: DemoTerminal,
  request: CounterRequest,
): Promise<{ ok: true; events: LedgerEvent[] } | { ok: false; refusal: Refusal }> {
  const { views } = terminal.projection;
  const program = views.programs.get(request.program);
  if (!program)
    throw new Error(
      `Demo program ${request.program} is not published on ${terminal.identity.terminal}.`,
    );
  const decision = decide({
    program: { id: program.id, rules: program.rules },
    member:
      request.action.kind === 'enrol'
        ? newMemberState(request.action.member)
        : memberStateFor(views, request.member, request.program, request.nowMs),
    card: request.card === undefined ? undefined : cardStateFor(views, request.card),
    action: request.action,
    role: 'cashier',
    nowMs: request.nowMs,
    online: request.online,
  });
  if (!decision.ok) return { ok: false, refusal: decision.error };
  return {
    ok: true,
    events: await appendDrafts(terminal, decision.value, request.nowMs, request.staff),
  };
}

/** Sync as a set union: each terminal receives what the other made. */
export function exchange(a: DemoTerminal, b: DemoTerminal): void {
  applyEvents(a.projection, b.made);
  applyEvents(b.projection, a.made);
}
