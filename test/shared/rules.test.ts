/**
 * The rule engine, one test per rule and per refusal. Times are fixed instants; the
 * store is in Berlin unless a test says otherwise.
 */
import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../shared/clock';
import type { EventDraft } from '../../shared/ledger/envelope';
import { decide, type CashierAction, type DecisionInput } from '../../shared/rules/decide';
import { newMemberState, type CardState, type MemberState } from '../../shared/rules/member-state';
import {
  coffeeCardRules,
  programRulesSchema,
  type ProgramRules,
} from '../../shared/rules/program-schema';
import type { Refusal } from '../../shared/rules/refusal';

const NOW = Date.UTC(2026, 2, 11, 13, 0); // Wednesday 11 March 2026, 14:00 in Berlin
const DAY = 86_400_000;

const coffee: ProgramRules = {
  earn: { per: 'item', stamps: 1 },
  rewards: [
    { id: 'rwd_free-coffee', name: 'Free coffee', cost: 10, kind: 'free_item' },
    { id: 'rwd_cake', name: 'Cake', cost: 25, kind: 'free_item' },
  ],
};

const member = (over: Partial<MemberState> = {}): MemberState => ({
  ...newMemberState('mem_anna'),
  ...over,
});
const card = (over: Partial<CardState> = {}): CardState => ({
  id: 'crd_anna-card',
  blocked: false,
  lastStampMs: undefined,
  ...over,
});

function run(
  action: CashierAction,
  options: {
    rules?: ProgramRules;
    member?: MemberState;
    card?: CardState;
    role?: 'cashier' | 'manager';
    now?: number;
    online?: boolean;
  } = {},
) {
  const input: DecisionInput = {
    program: { id: 'prg_coffee', rules: options.rules ?? coffee },
    member: options.member ?? member(),
    card: options.card,
    action,
    role: options.role ?? 'cashier',
    nowMs: options.now ?? NOW,
    online: options.online ?? true,
  };
  return decide(input);
}

function events(result: ReturnType<typeof decide>): EventDraft[] {
  if (!result.ok)
    throw new Error(`expected events, got refusal ${result.error.code}: ${result.error.message}`);
  return result.value;
}

function refusal(result: ReturnType<typeof decide>): Refusal {
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.value)}`);
  return result.error;
}

const stampCounts = (drafts: EventDraft[]) =>
  drafts.flatMap((d) =>
    d.type === 'stamps.earned' ? [[d.data.reason, d.data.count, d.data.member] as const] : [],
  );

describe('earning stamps', () => {
  it('gives the stamps per visit, whatever is bought', () => {
    const rules: ProgramRules = { ...coffee, earn: { per: 'visit', stamps: 2 } };
    expect(stampCounts(events(run({ kind: 'stamp', items: 5 }, { rules })))).toEqual([
      ['purchase', 2, 'mem_anna'],
    ]);
  });

  it('gives the stamps per item', () => {
    const rules: ProgramRules = { ...coffee, earn: { per: 'item', stamps: 2 } };
    expect(stampCounts(events(run({ kind: 'stamp', items: 3 }, { rules })))).toEqual([
      ['purchase', 6, 'mem_anna'],
    ]);
  });

  it('gives the stamps per full amount spent, rounding down', () => {
    const rules: ProgramRules = { ...coffee, earn: { per: 'amount', stamps: 1, amountCents: 500 } };
    expect(stampCounts(events(run({ kind: 'stamp', amountCents: 1_499 }, { rules })))).toEqual([
      ['purchase', 2, 'mem_anna'],
    ]);
  });

  it('refuses a purchase below the amount of one stamp, saying how much one stamp needs', () => {
    const rules: ProgramRules = { ...coffee, earn: { per: 'amount', stamps: 1, amountCents: 500 } };
    const r = refusal(run({ kind: 'stamp', amountCents: 250 }, { rules }));
    expect(r).toMatchObject({ code: 'below_minimum_amount', neededCents: 500 });
    expect(r.message).toContain('€5.00');
  });

  it('refuses a quantity that is not a whole number of at least 1', () => {
    expect(refusal(run({ kind: 'stamp', items: 0 })).code).toBe('invalid_quantity');
    expect(refusal(run({ kind: 'stamp', items: 1.5 })).code).toBe('invalid_quantity');
  });

  it('records the scanned card on the stamp event', () => {
    const [first] = events(run({ kind: 'stamp' }, { card: card() }));
    expect(first).toMatchObject({ type: 'stamps.earned', data: { card: 'crd_anna-card' } });
  });

  it('refuses more stamps than the cap per transaction', () => {
    const rules: ProgramRules = { ...coffee, caps: { perTransaction: 3 } };
    expect(events(run({ kind: 'stamp', items: 3 }, { rules }))).toHaveLength(1);
    const r = refusal(run({ kind: 'stamp', items: 4 }, { rules }));
    expect(r).toMatchObject({ code: 'cap_per_transaction', cap: 3 });
    expect(r.message).toBe('At most 3 stamps can be given for one purchase.');
  });

  it('refuses stamps past the daily cap and says how many are still allowed', () => {
    const rules: ProgramRules = { ...coffee, caps: { perDay: 5 } };
    const partly = refusal(
      run({ kind: 'stamp', items: 3 }, { rules, member: member({ stampsToday: 3 }) }),
    );
    expect(partly).toMatchObject({ code: 'cap_per_day', cap: 5, remaining: 2 });
    expect(partly.message).toContain('Only 2 more stamps are allowed today');
    const reached = refusal(run({ kind: 'stamp' }, { rules, member: member({ stampsToday: 5 }) }));
    expect(reached).toMatchObject({ code: 'cap_per_day', remaining: 0 });
    expect(
      events(run({ kind: 'stamp', items: 2 }, { rules, member: member({ stampsToday: 3 }) })),
    ).toHaveLength(1);
  });

  it('refuses a second stamp on the same card within the cooldown, saying how long to wait', () => {
    const rules: ProgramRules = { ...coffee, cooldownSeconds: 30 };
    const r = refusal(run({ kind: 'stamp' }, { rules, card: card({ lastStampMs: NOW - 12_000 }) }));
    expect(r).toMatchObject({ code: 'cooldown', waitSeconds: 18 });
    expect(
      events(run({ kind: 'stamp' }, { rules, card: card({ lastStampMs: NOW - 30_000 }) })),
    ).toHaveLength(1);
  });

  it('refuses a blocked card', () => {
    const r = refusal(run({ kind: 'stamp' }, { card: card({ blocked: true }) }));
    expect(r.code).toBe('card_blocked');
    expect(r.message).toContain('blocked');
  });

  it('refuses an erased member', () => {
    expect(refusal(run({ kind: 'stamp' }, { member: member({ erased: true }) })).code).toBe(
      'member_erased',
    );
  });

  it('refuses stamps after the program has ended (store-local date)', () => {
    const rules: ProgramRules = { ...coffee, expiry: { endsOn: '2026-03-10' } };
    const r = refusal(run({ kind: 'stamp' }, { rules }));
    expect(r).toMatchObject({ code: 'program_expired', endsOn: '2026-03-10' });
    // 10 March 22:30 UTC is 23:30 in Berlin, still the last day.
    expect(
      events(run({ kind: 'stamp' }, { rules, now: Date.UTC(2026, 2, 10, 22, 30) })),
    ).toHaveLength(1);
  });

  it('multiplies stamps inside a campaign window, as a separate campaign credit', () => {
    const rules: ProgramRules = {
      ...coffee,
      campaigns: [
        {
          name: 'Double afternoon',
          multiplier: 2,
          fromHour: 14,
          toHour: 16,
          weekdays: [1, 2, 3, 4, 5],
        },
      ],
    };
    expect(stampCounts(events(run({ kind: 'stamp', items: 2 }, { rules })))).toEqual([
      ['purchase', 2, 'mem_anna'],
      ['campaign', 2, 'mem_anna'],
    ]);
    // 16:00 in Berlin is outside [14, 16); a Sunday is outside the weekdays.
    expect(
      stampCounts(
        events(run({ kind: 'stamp', items: 2 }, { rules, now: Date.UTC(2026, 2, 11, 15) })),
      ),
    ).toHaveLength(1);
    expect(
      stampCounts(
        events(run({ kind: 'stamp', items: 2 }, { rules, now: Date.UTC(2026, 2, 15, 13) })),
      ),
    ).toHaveLength(1);
  });

  it('honours a campaign date range and uses the best of overlapping campaigns', () => {
    const rules: ProgramRules = {
      ...coffee,
      campaigns: [
        {
          name: 'March',
          multiplier: 1.5,
          startsAt: '2026-03-01T00:00:00+01:00',
          endsAt: '2026-04-01T00:00:00+02:00',
        },
        {
          name: 'Triple day',
          multiplier: 3,
          startsAt: '2026-03-11T00:00:00+01:00',
          endsAt: '2026-03-12T00:00:00+01:00',
        },
      ],
    };
    expect(stampCounts(events(run({ kind: 'stamp', items: 2 }, { rules })))).toEqual([
      ['purchase', 2, 'mem_anna'],
      ['campaign', 4, 'mem_anna'],
    ]);
    expect(
      stampCounts(events(run({ kind: 'stamp', items: 2 }, { rules, now: NOW + DAY }))),
    ).toEqual([
      ['purchase', 2, 'mem_anna'],
      ['campaign', 1, 'mem_anna'],
    ]);
    expect(
      stampCounts(events(run({ kind: 'stamp', items: 2 }, { rules, now: NOW + 30 * DAY }))),
    ).toHaveLength(1);
  });

  it('clamps campaign stamps so that the caps hold', () => {
    const rules: ProgramRules = {
      ...coffee,
      caps: { perTransaction: 5 },
      campaigns: [{ name: 'Triple', multiplier: 3 }],
    };
    expect(stampCounts(events(run({ kind: 'stamp', items: 2 }, { rules })))).toEqual([
      ['purchase', 2, 'mem_anna'],
      ['campaign', 3, 'mem_anna'],
    ]);
  });

  it('adds the birthday bonus once a year, with the first stamp within 30 days after the birthday', () => {
    const rules: ProgramRules = { ...coffee, bonuses: { birthday: 5 } };
    const due = member({ birthday: '1990-03-01' });
    expect(stampCounts(events(run({ kind: 'stamp' }, { rules, member: due })))).toEqual([
      ['purchase', 1, 'mem_anna'],
      ['birthday', 5, 'mem_anna'],
    ]);
    const alreadyGiven = member({ birthday: '03-01', lastBirthdayBonusYear: 2026 });
    expect(
      stampCounts(events(run({ kind: 'stamp' }, { rules, member: alreadyGiven }))),
    ).toHaveLength(1);
    const tooLate = member({ birthday: '02-01' });
    expect(stampCounts(events(run({ kind: 'stamp' }, { rules, member: tooLate })))).toHaveLength(1);
    const notYet = member({ birthday: '03-12' });
    expect(stampCounts(events(run({ kind: 'stamp' }, { rules, member: notYet })))).toHaveLength(1);
  });
});

describe('redeeming rewards', () => {
  it('redeems a reward when the balance covers its cost', () => {
    expect(
      events(
        run({ kind: 'redeem', reward: 'rwd_free-coffee' }, { member: member({ balance: 10 }) }),
      ),
    ).toEqual([
      {
        type: 'reward.redeemed',
        data: { member: 'mem_anna', program: 'prg_coffee', reward: 'rwd_free-coffee', cost: 10 },
      },
    ]);
  });

  it('refuses when stamps are missing and says how many', () => {
    const r = refusal(
      run({ kind: 'redeem', reward: 'rwd_free-coffee' }, { member: member({ balance: 7 }) }),
    );
    expect(r).toMatchObject({ code: 'not_enough_stamps', missing: 3, balance: 7, cost: 10 });
    expect(r.message).toBe('3 more stamps are needed for Free coffee (7 of 10).');
  });

  it('counts lapsed stamps as gone when redeeming', () => {
    const rules: ProgramRules = { ...coffee, expiry: { inactivityDays: 30 } };
    const stale = member({ balance: 12, lastActivityMs: NOW - 31 * DAY });
    expect(
      refusal(run({ kind: 'redeem', reward: 'rwd_free-coffee' }, { rules, member: stale })),
    ).toMatchObject({
      code: 'not_enough_stamps',
      missing: 10,
    });
  });

  it('refuses a reward that is not in the program', () => {
    expect(
      refusal(run({ kind: 'redeem', reward: 'rwd_gone' }, { member: member({ balance: 99 }) }))
        .code,
    ).toBe('unknown_reward');
  });

  it('refuses a redemption beyond the offline limit while offline, and allows it online', () => {
    const rules: ProgramRules = { ...coffee, offline: { redemptionsPerDay: 1 } };
    const busy = member({ balance: 30, redemptionsToday: 1 });
    expect(
      refusal(
        run({ kind: 'redeem', reward: 'rwd_free-coffee' }, { rules, member: busy, online: false }),
      ),
    ).toMatchObject({
      code: 'offline_limit',
      limit: 1,
    });
    expect(
      events(
        run({ kind: 'redeem', reward: 'rwd_free-coffee' }, { rules, member: busy, online: true }),
      ),
    ).toHaveLength(1);
  });

  it('refuses an expensive reward while offline when the program says it needs the network', () => {
    const rules: ProgramRules = { ...coffee, offline: { maxRedeemCostOffline: 10 } };
    const rich = member({ balance: 30 });
    const r = refusal(
      run({ kind: 'redeem', reward: 'rwd_cake' }, { rules, member: rich, online: false }),
    );
    expect(r.code).toBe('needs_network');
    expect(r.message).toBe('Cake can only be redeemed while the terminal is online.');
    expect(
      events(
        run({ kind: 'redeem', reward: 'rwd_free-coffee' }, { rules, member: rich, online: false }),
      ),
    ).toHaveLength(1);
  });

  it('refuses a redemption on a blocked card and on an ended program', () => {
    expect(
      refusal(
        run(
          { kind: 'redeem', reward: 'rwd_free-coffee' },
          { member: member({ balance: 10 }), card: card({ blocked: true }) },
        ),
      ).code,
    ).toBe('card_blocked');
    const ended: ProgramRules = { ...coffee, expiry: { endsOn: '2026-01-01' } };
    expect(
      refusal(
        run(
          { kind: 'redeem', reward: 'rwd_free-coffee' },
          { rules: ended, member: member({ balance: 10 }) },
        ),
      ).code,
    ).toBe('program_expired');
  });
});

describe('enrolment', () => {
  const enrol = (referredBy?: string): CashierAction => ({
    kind: 'enrol',
    member: 'mem_new',
    profile: { name: 'Nora', marketingConsent: true },
    card: { id: 'crd_new-card', kind: 'qr' },
    ...(referredBy === undefined ? {} : { referredBy }),
  });

  it('enrols the member and links the card, without undefined fields', () => {
    const drafts = events(run(enrol(), { member: newMemberState('mem_new') }));
    expect(drafts).toEqual([
      {
        type: 'member.enrolled',
        data: { member: 'mem_new', name: 'Nora', consent: { marketing: true } },
      },
      { type: 'card.linked', data: { member: 'mem_new', card: 'crd_new-card', kind: 'qr' } },
    ]);
  });

  it('adds the welcome bonus in the same decision', () => {
    const rules: ProgramRules = { ...coffee, bonuses: { welcome: 2 } };
    expect(stampCounts(events(run(enrol(), { rules, member: newMemberState('mem_new') })))).toEqual(
      [['welcome', 2, 'mem_new']],
    );
  });

  it('credits the referral bonus to both the new member and the referrer', () => {
    const rules: ProgramRules = { ...coffee, bonuses: { referral: { referrer: 3, referee: 1 } } };
    const drafts = events(run(enrol('mem_anna'), { rules, member: newMemberState('mem_new') }));
    expect(stampCounts(drafts)).toEqual([
      ['referral', 1, 'mem_new'],
      ['referral', 3, 'mem_anna'],
    ]);
    expect(drafts[0]).toMatchObject({ data: { referredBy: 'mem_anna' } });
  });

  it('gives no bonuses on a program that has ended', () => {
    const rules: ProgramRules = {
      ...coffee,
      bonuses: { welcome: 2 },
      expiry: { endsOn: '2026-01-01' },
    };
    expect(stampCounts(events(run(enrol(), { rules, member: newMemberState('mem_new') })))).toEqual(
      [],
    );
  });
});

describe('undo and adjustments', () => {
  const target = (
    ageMs: number,
    type: 'stamps.earned' | 'member.enrolled' = 'stamps.earned',
    voided = false,
  ) => ({
    kind: 'undo' as const,
    target: {
      id: '019cdd11-0000-7000-8000-000000000001',
      type,
      hlc: formatHlc({ wallMs: NOW - ageMs, counter: 0, node: 'term_a' }),
      voided,
    },
  });

  it('voids a stamp within the undo window', () => {
    expect(events(run(target(60_000)))).toEqual([
      {
        type: 'event.voided',
        data: { target: '019cdd11-0000-7000-8000-000000000001', reason: 'cashier_undo' },
      },
    ]);
  });

  it('refuses a cashier undo after the window and lets a manager correct it', () => {
    const r = refusal(run(target(5 * 60_000)));
    expect(r).toMatchObject({ code: 'undo_window_passed', windowSeconds: 120 });
    expect(r.message).toBe(
      'A cashier can undo an action only within 2 minutes. Ask a manager to correct it.',
    );
    expect(events(run(target(5 * 60_000), { role: 'manager' }))).toEqual([
      {
        type: 'event.voided',
        data: { target: '019cdd11-0000-7000-8000-000000000001', reason: 'manager_correction' },
      },
    ]);
  });

  it('refuses to undo what is not a stamp or redemption, or was undone already', () => {
    expect(refusal(run(target(1_000, 'member.enrolled'))).code).toBe('not_undoable');
    expect(refusal(run(target(1_000, 'stamps.earned', true))).code).toBe('already_undone');
  });

  it('lets only a manager adjust a balance', () => {
    expect(refusal(run({ kind: 'adjust', count: -3 })).code).toBe('manager_required');
    expect(stampCounts(events(run({ kind: 'adjust', count: -3 }, { role: 'manager' })))).toEqual([
      ['adjustment', -3, 'mem_anna'],
    ]);
    expect(refusal(run({ kind: 'adjust', count: 0 }, { role: 'manager' })).code).toBe(
      'invalid_quantity',
    );
  });
});

describe('program schema', () => {
  it('refuses names with surrounding white space instead of trimming them (a signed event must parse unchanged)', () => {
    const padded = { ...coffee, rewards: [{ ...coffee.rewards[0], name: ' Free coffee ' }] };
    expect(programRulesSchema.safeParse(padded).error?.issues[0]).toMatchObject({
      path: ['rewards', 0, 'name'],
      message: 'must not start or end with white space',
    });
  });

  it('accepts the default coffee card', () => {
    expect(programRulesSchema.safeParse(coffeeCardRules).success).toBe(true);
  });

  it('refuses duplicate reward ids, an unknown time zone and a half-open campaign hour range', () => {
    const dup = { ...coffee, rewards: [coffee.rewards[0], coffee.rewards[0]] };
    expect(programRulesSchema.safeParse(dup).error?.issues[0]?.message).toBe(
      'reward ids must be unique',
    );
    expect(programRulesSchema.safeParse({ ...coffee, timeZone: 'Mars/Olympus' }).success).toBe(
      false,
    );
    expect(
      programRulesSchema.safeParse({
        ...coffee,
        campaigns: [{ name: 'x', multiplier: 2, fromHour: 14 }],
      }).success,
    ).toBe(false);
  });
});
