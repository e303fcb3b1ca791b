/**
 * fast-check arbitraries for ledger property tests: a random scenario of cashier and
 * manager actions on a few terminals, materialised into events with real per-terminal
 * clocks. Small pools of members, cards and programs make collisions (double
 * redemptions, merges of busy members, voids of voids) likely.
 */
import fc from 'fast-check';
import type { LedgerEvent } from '../../shared/ledger/envelope';
import type { ProgramRules } from '../../shared/rules/program-schema';
import { sequentialEventIds, terminalBuilder } from './ledger-builder';

export const MEMBERS = ['mem_anna', 'mem_ben', 'mem_cleo', 'mem_dara'] as const;
export const PROGRAMS = ['prg_coffee', 'prg_lunch'] as const;
export const TERMINALS = ['term_t1', 'term_t2', 'term_t3'] as const;
export const CARDS = [
  'crd_card-1',
  'crd_card-2',
  'crd_card-3',
  'crd_card-4',
  'crd_card-5',
] as const;

/** 2026-01-05 09:00 UTC: scenarios start here, never at the wall clock. */
export const SCENARIO_START_MS = Date.UTC(2026, 0, 5, 9);
const HOUR_MS = 3_600_000;

const baseRules: ProgramRules = {
  earn: { per: 'item', stamps: 1 },
  rewards: [{ id: 'rwd_free', name: 'Free coffee', cost: 5, kind: 'free_item' }],
};

const rulesVariants: readonly ProgramRules[] = [
  baseRules,
  {
    ...baseRules,
    tiers: {
      windowDays: 30,
      levels: [
        { name: 'silver', minStamps: 3 },
        { name: 'gold', minStamps: 8 },
      ],
    },
  },
  { ...baseRules, expiry: { inactivityDays: 2 } },
  { ...baseRules, earn: { per: 'visit', stamps: 2 }, timeZone: 'America/New_York' },
];

type Command =
  | { kind: 'enrol'; member: number; birthday: boolean }
  | { kind: 'update'; member: number; name: string }
  | { kind: 'erase'; member: number }
  | { kind: 'merge'; from: number; into: number }
  | { kind: 'link'; member: number; card: number }
  | { kind: 'block'; card: number }
  | { kind: 'publish'; program: number; variant: number; version: number }
  | {
      kind: 'stamp';
      member: number;
      program: number;
      count: number;
      card: number | null;
      reason: 'purchase' | 'welcome' | 'adjustment';
    }
  | { kind: 'redeem'; member: number; program: number; cost: number }
  | { kind: 'void'; target: number }
  | { kind: 'feedback'; rating: number };

interface Step {
  readonly terminal: number;
  /** Time since the previous step; 0 makes several events share a millisecond. */
  readonly advanceMs: number;
  readonly command: Command;
}

const index = (n: number) => fc.nat({ max: n - 1 });

function commandArbitrary(options: ScenarioOptions): fc.Arbitrary<Command> {
  const member = index(MEMBERS.length);
  const program = index(PROGRAMS.length);
  const card = index(CARDS.length);
  const weighted: fc.WeightedArbitrary<Command>[] = [
    {
      weight: 3,
      arbitrary: fc.record({ kind: fc.constant('enrol' as const), member, birthday: fc.boolean() }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('update' as const),
        member,
        name: fc.constantFrom('Anna B.', 'Ben C.', 'Zoë'),
      }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('link' as const), member, card }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('block' as const), card }) },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('publish' as const),
        program,
        variant: options.withExpiry ? index(rulesVariants.length) : fc.constantFrom(0, 1, 3),
        version: fc.integer({ min: 1, max: 4 }),
      }),
    },
    {
      weight: 10,
      arbitrary: fc.record({
        kind: fc.constant('stamp' as const),
        member,
        program,
        count: fc.integer({ min: 1, max: 6 }),
        card: fc.option(card, { nil: null }),
        reason: fc.constantFrom(
          'purchase' as const,
          'purchase' as const,
          'welcome' as const,
          'adjustment' as const,
        ),
      }),
    },
    {
      weight: 6,
      arbitrary: fc.record({
        kind: fc.constant('redeem' as const),
        member,
        program,
        cost: fc.integer({ min: 1, max: 8 }),
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({ kind: fc.constant('void' as const), target: fc.nat({ max: 200 }) }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('feedback' as const),
        rating: fc.integer({ min: 1, max: 5 }),
      }),
    },
  ];
  if (options.withMerges) {
    weighted.push({
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant('merge' as const), from: member, into: member }),
    });
  }
  if (options.withErasure) {
    weighted.push({
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant('erase' as const), member }),
    });
  }
  return fc.oneof(...weighted);
}

export interface ScenarioOptions {
  readonly maxSteps?: number;
  readonly withMerges?: boolean;
  readonly withExpiry?: boolean;
  readonly withErasure?: boolean;
}

function stepArbitrary(options: ScenarioOptions): fc.Arbitrary<Step> {
  return fc.record({
    terminal: index(TERMINALS.length),
    advanceMs: fc.oneof(
      fc.constant(0),
      fc.integer({ min: 1, max: 60_000 }),
      fc.integer({ min: HOUR_MS, max: 3 * 24 * HOUR_MS }),
    ),
    command: commandArbitrary(options),
  });
}

function materialise(steps: readonly Step[]): LedgerEvent[] {
  const makeId = sequentialEventIds();
  const builders = TERMINALS.map((terminal) => terminalBuilder(terminal, { makeId }));
  const events: LedgerEvent[] = [];
  let now = SCENARIO_START_MS;
  for (const step of steps) {
    now += step.advanceMs;
    const b = builders[step.terminal];
    if (!b) continue;
    const c = step.command;
    const m = (i: number) => MEMBERS[i] ?? MEMBERS[0];
    const p = (i: number) => PROGRAMS[i] ?? PROGRAMS[0];
    const card = (i: number) => CARDS[i] ?? CARDS[0];
    switch (c.kind) {
      case 'enrol':
        events.push(
          b.event(
            'member.enrolled',
            {
              member: m(c.member),
              name: `Member ${c.member}`,
              consent: { marketing: c.member % 2 === 0 },
              ...(c.birthday ? { birthday: '01-06' } : {}),
            },
            now,
          ),
        );
        break;
      case 'update':
        events.push(b.event('member.updated', { member: m(c.member), name: c.name }, now));
        break;
      case 'erase':
        events.push(b.event('member.erased', { member: m(c.member) }, now));
        break;
      case 'merge':
        if (c.from !== c.into)
          events.push(b.event('member.merged', { from: m(c.from), into: m(c.into) }, now));
        break;
      case 'link':
        events.push(
          b.event('card.linked', { member: m(c.member), card: card(c.card), kind: 'qr' }, now),
        );
        break;
      case 'block':
        events.push(b.event('card.blocked', { card: card(c.card), reason: 'lost' }, now));
        break;
      case 'publish':
        events.push(
          b.event(
            'program.published',
            {
              program: p(c.program),
              version: c.version,
              name: `Program ${c.program}`,
              rules: rulesVariants[c.variant] ?? baseRules,
            },
            now,
          ),
        );
        break;
      case 'stamp': {
        const count = c.reason === 'adjustment' && c.count % 2 === 0 ? -c.count : c.count;
        events.push(
          b.event(
            'stamps.earned',
            {
              member: m(c.member),
              program: p(c.program),
              count,
              reason: c.reason,
              ...(c.card === null ? {} : { card: card(c.card) }),
            },
            now,
          ),
        );
        break;
      }
      case 'redeem':
        events.push(
          b.event(
            'reward.redeemed',
            { member: m(c.member), program: p(c.program), reward: 'rwd_free', cost: c.cost },
            now,
          ),
        );
        break;
      case 'void': {
        const target = events[c.target % Math.max(events.length, 1)];
        if (target)
          events.push(b.event('event.voided', { target: target.id, reason: 'cashier_undo' }, now));
        break;
      }
      case 'feedback':
        events.push(b.event('feedback.given', { rating: c.rating }, now));
        break;
    }
  }
  return events;
}

/** A random event set, as the terminals made it (each terminal's events in its own order). */
export function eventSetArbitrary(options: ScenarioOptions = {}): fc.Arbitrary<LedgerEvent[]> {
  return fc
    .array(stepArbitrary(options), {
      minLength: 1,
      maxLength: options.maxSteps ?? 80,
      size: 'large',
    })
    .map(materialise);
}

/** An event set together with a permutation of it (another arrival order). */
export function eventSetWithArrivalOrder(options: ScenarioOptions = {}) {
  return eventSetArbitrary(options).chain((events) =>
    fc.tuple(
      fc.constant(events),
      fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
    ),
  );
}
