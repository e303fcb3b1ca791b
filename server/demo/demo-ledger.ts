/**
 * An invented day at a café with two counter terminals, played through the real rule
 * engine: enrolments, stamps, a refusal, an undo, and both terminals handing out the same
 * free coffee while offline, flagged as an overdraft once they sync.
 */
import { newCardId } from '../../shared/card-code';
import type { LedgerEvent } from '../../shared/ledger/envelope';
import { coffeeCardRules } from '../../shared/rules/program-schema';
import type { Refusal } from '../../shared/rules/refusal';
import {
  appendDrafts,
  counterAction,
  createDemoTerminal,
  exchange,
  type DemoTerminal,
} from './demo-terminal';

export const DEMO_PROGRAM = 'prg_coffee';
const identity = { tenant: 'ten_demo', store: 'sto_demo-cafe' };

/** Invented members; no real people. */
export const DEMO_MEMBERS = [
  { id: 'mem_demo-mia', name: 'Mia Sommer' },
  { id: 'mem_demo-jonas', name: 'Jonas Berg' },
  { id: 'mem_demo-lea', name: 'Lea Wagner' },
] as const;

export interface DemoLedger {
  readonly terminals: readonly DemoTerminal[];
  readonly events: readonly LedgerEvent[];
  /** What the cashiers were told when the rules said no. */
  readonly refusals: readonly Refusal[];
}

export async function buildDemoLedger(dayStartMs: number): Promise<DemoLedger> {
  const front = await createDemoTerminal({ ...identity, terminal: 'term_demo-front' });
  const window = await createDemoTerminal({ ...identity, terminal: 'term_demo-window' });
  const refusals: Refusal[] = [];
  const at = (minutes: number) => dayStartMs + minutes * 60_000;

  await appendDrafts(
    front,
    [
      {
        type: 'program.published',
        data: {
          program: DEMO_PROGRAM,
          version: 1,
          name: 'Coffee card',
          rules: { ...coffeeCardRules, bonuses: { welcome: 1 } },
        },
      },
    ],
    at(0),
    'stf_demo-manager',
  );
  exchange(front, window);

  const cards = new Map<string, string>();
  for (const [i, member] of DEMO_MEMBERS.entries()) {
    const card = newCardId();
    cards.set(member.id, card);
    await counterAction(front, {
      member: member.id,
      program: DEMO_PROGRAM,
      action: {
        kind: 'enrol',
        member: member.id,
        profile: { name: member.name, marketingConsent: i === 0 },
        card: { id: card, kind: 'qr' },
      },
      nowMs: at(5 + i),
      online: true,
      staff: 'stf_demo-cashier',
    });
  }
  exchange(front, window);

  const act = async (
    terminal: DemoTerminal,
    memberIndex: number,
    action: Parameters<typeof counterAction>[1]['action'],
    minutes: number,
    online = true,
  ) => {
    const member = DEMO_MEMBERS[memberIndex]?.id ?? DEMO_MEMBERS[0].id;
    const result = await counterAction(terminal, {
      member,
      program: DEMO_PROGRAM,
      action,
      card: cards.get(member),
      nowMs: at(minutes),
      online,
      staff: 'stf_demo-cashier',
    });
    if (!result.ok) refusals.push(result.refusal);
    return result;
  };

  // Mia buys nine coffees over the morning (one per visit, spaced past the cooldown).
  for (let visit = 0; visit < 9; visit++)
    await act(visit % 2 ? window : front, 0, { kind: 'stamp', items: 1 }, 30 + visit * 20);
  // A double scan seconds later is refused by the cooldown.
  await act(front, 0, { kind: 'stamp', items: 1 }, 30 + 8 * 20 + 0.2);
  await act(front, 1, { kind: 'stamp', items: 2 }, 200);
  // A mistaken stamp for Lea, undone at once.
  const mistaken = await act(window, 2, { kind: 'stamp', items: 3 }, 210);
  const stamp = mistaken.ok ? mistaken.events[0] : undefined;
  if (stamp)
    await act(
      window,
      2,
      { kind: 'undo', target: { id: stamp.id, type: stamp.type, hlc: stamp.hlc, voided: false } },
      211,
    );
  exchange(front, window);

  // The network is down. Both counters hand Mia her free coffee.
  await act(front, 0, { kind: 'redeem', reward: 'rwd_free-coffee' }, 300, false);
  await act(window, 0, { kind: 'redeem', reward: 'rwd_free-coffee' }, 302, false);
  // Jonas asks for one too early.
  await act(front, 1, { kind: 'redeem', reward: 'rwd_free-coffee' }, 305, false);
  // Back online: the terminals sync and agree on the overdraft.
  exchange(front, window);

  const events = [...new Map([...front.made, ...window.made].map((e) => [e.id, e])).values()];
  return { terminals: [front, window], events, refusals };
}
