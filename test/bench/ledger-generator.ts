/**
 * A realistic synthetic ledger for the ledger benchmark, the same on every run: a
 * seeded simulation of a franchise of four stores and ten terminals over about 90 days.
 * Members enrol (most of them early, as after a launch), visit their home store now and
 * then, collect stamps in up to three programs and redeem rewards; cashiers undo
 * mistakes, managers correct and adjust, cards get lost and replaced, duplicate
 * accounts are merged, a few members are erased, and every terminal closes its day.
 * Terminals stamp events with their own hybrid logical clocks, and their wall clocks are
 * a little off, as real ones are.
 *
 * The generator keeps a rough account of balances only to decide when a member redeems;
 * the projection under test stays the authority. Overdrafts are made on purpose, as two
 * offline terminals would make them: a second redemption of the same stamps elsewhere.
 */
import type { LedgerEvent } from '../../shared/ledger/envelope';
import { compareEvents } from '../../shared/ledger/order';
import type { EventData, EventType } from '../../shared/ledger/event-types';
import { CARD_ALPHABET, qrCardIdFor } from '../../shared/card-code';
import { CROCKFORD_LOWER } from '../../shared/ids';
import { localTime } from '../../shared/rules/local-time';
import type { ProgramRules } from '../../shared/rules/program-schema';
import {
  sequentialEventIds,
  terminalBuilder,
  type TerminalBuilder,
} from '../support/ledger-builder';
import { mulberry32, type Prng } from './prng';

export interface LedgerShape {
  readonly seed: number;
  readonly events: number;
  readonly members: number;
  readonly days: number;
  readonly startMs: number;
}

/** The ledger the benchmark folds: 1,000,000 events, 100,000 members, 90 days. */
export const BENCH_LEDGER: LedgerShape = {
  seed: 0x7e_0b_2026,
  events: 1_000_000,
  members: 100_000,
  days: 90,
  startMs: Date.UTC(2026, 0, 5),
};

export interface GeneratedLedger {
  /** Every event, in total order (as storage returns them). */
  readonly events: LedgerEvent[];
  readonly counts: Readonly<Partial<Record<EventType, number>>>;
  readonly members: number;
  readonly terminals: number;
  /** First to last event, in days. */
  readonly spanDays: number;
  /** Redemptions made on purpose against stamps another terminal had already redeemed. */
  readonly doubleRedemptions: number;
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Stores open 07:00–19:00 Berlin time; the simulation keeps it simple and uses UTC+1. */
const OPEN_FROM_MS = 6 * HOUR_MS;
const OPEN_FOR_MS = 12 * HOUR_MS;
const TENANT = 'ten_treu-bench';

const STORES = [
  { id: 'sto_mitte', terminals: 3, share: 0.35 },
  { id: 'sto_kreuzberg', terminals: 3, share: 0.3 },
  { id: 'sto_altona', terminals: 2, share: 0.2 },
  { id: 'sto_schwabing', terminals: 2, share: 0.15 },
] as const;

const COFFEE = 0;
const BAKERY = 1;
const LUNCH = 2;
/**
 * The coffee card has the id the terminal's first run publishes; the other two have ids
 * like those of the manager's program editor (`newId`), 20 random symbols. The length
 * matters to the fold's figures: V8 interns strings of up to 10 characters that
 * JSON.parse reads, and lookups by interned strings cost less than by fresh ones.
 */
const PROGRAM_IDS = ['prg_coffee', 'prg_b7k2m9x4q1c8v3r6n0dt', 'prg_l5q8x2k7c1v9r4b6m3jt'] as const;

const coffeeRules = {
  timeZone: 'Europe/Berlin',
  earn: { per: 'item', stamps: 1 },
  caps: { perTransaction: 10 },
  rewards: [{ id: 'rwd_free-coffee', name: 'Free coffee', cost: 10, kind: 'free_item' }],
  bonuses: { welcome: 1, birthday: 2, referral: { referrer: 2, referee: 1 } },
  cooldownSeconds: 30,
  undoWindowSeconds: 120,
  offline: { redemptionsPerDay: 1 },
} satisfies ProgramRules;

/** Version 2 of the coffee card, a month in: a happy hour and tiers. */
const coffeeRulesV2 = {
  ...coffeeRules,
  campaigns: [
    { name: 'Happy hour', multiplier: 2, fromHour: 14, toHour: 16, weekdays: [1, 2, 3, 4, 5] },
  ],
  tiers: {
    windowDays: 365,
    levels: [
      { name: 'Silver', minStamps: 20 },
      { name: 'Gold', minStamps: 50 },
    ],
  },
} satisfies ProgramRules;

const bakeryRules = {
  timeZone: 'Europe/Berlin',
  earn: { per: 'amount', stamps: 1, amountCents: 500 },
  rewards: [
    { id: 'rwd_pastry', name: 'Pastry', cost: 8, kind: 'free_item' },
    { id: 'rwd_five-off', name: '5 euros off', cost: 15, kind: 'discount', discountCents: 500 },
  ],
  expiry: { inactivityDays: 60 },
  offline: { maxRedeemCostOffline: 10 },
} satisfies ProgramRules;

const lunchRules = {
  timeZone: 'Europe/Berlin',
  earn: { per: 'visit', stamps: 1 },
  caps: { perDay: 2 },
  rewards: [{ id: 'rwd_free-lunch', name: 'Free lunch', cost: 8, kind: 'free_item' }],
  expiry: { endsOn: '2026-12-31' },
} satisfies ProgramRules;

/** The rewards of each program, cheapest first (the generator redeems the first affordable). */
const REWARDS = [coffeeRules.rewards, bakeryRules.rewards, lunchRules.rewards] as const;

const FIRST_NAMES = [
  'Anna',
  'Ben',
  'Cleo',
  'Deniz',
  'Emil',
  'Fatma',
  'Greta',
  'Hugo',
  'Ida',
  'Jonas',
  'Lea',
  'Mehmet',
  'Nora',
  'Ole',
  'Paula',
  'Rafael',
  'Sofia',
  'Tim',
  'Uwe',
  'Zoë',
];
const LAST_NAMES = [
  'Bauer',
  'Becker',
  'Demir',
  'Fischer',
  'Hoffmann',
  'Klein',
  'Krüger',
  'Lange',
  'Meyer',
  'Nowak',
  'Richter',
  'Schmidt',
  'Schulz',
  'Wagner',
  'Weber',
  'Yılmaz',
];
const COMMENTS = [
  'Great coffee!',
  'A bit slow today.',
  'Lovely staff',
  'The croissants were stale',
  'Best lunch in town',
  'Music too loud',
];

interface Terminal {
  readonly index: number;
  readonly store: string;
  readonly storeIndex: number;
  readonly builder: TerminalBuilder;
  /** The terminal's wall clock is off by this much at the start… */
  readonly skewMs: number;
  /** …and drifts by this much per millisecond (a few ppm). */
  readonly drift: number;
  readonly staff: readonly string[];
  day: DayTally | undefined;
}

interface DayTally {
  day: number;
  from: string;
  to: string;
  events: number;
  stamps: number;
  redemptions: number;
  enrolments: number;
  voids: number;
  feedback: number;
}

/** What the generator remembers of an event it may void later. */
interface Voidable {
  readonly id: string;
  readonly member: number;
  readonly program: number;
  /** Stamps added (positive) or taken (negative, a redemption). */
  readonly delta: number;
  readonly terminal: number;
}

function randomBody(rng: Prng, length: number, alphabet = CROCKFORD_LOWER): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    out += alphabet[Math.floor(rng.next() * alphabet.length)] ?? '0';
  }
  return out;
}

/** A QR card id that scans: 20 random symbols and the check symbol (shared/card-code.ts). */
export function randomQrCardId(rng: Prng): string {
  const id = qrCardIdFor(randomBody(rng, 20, CARD_ALPHABET));
  if (id === undefined)
    throw new Error('A card body of the card alphabet has no check symbol: a bug.');
  return id;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** `Zoë` → `Zoe`: e-mail addresses keep to ASCII. */
const ascii = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

/** Generates the ledger; deterministic for a given shape. */
export function generateLedger(shape: LedgerShape = BENCH_LEDGER): GeneratedLedger {
  const rng = mulberry32(shape.seed);
  const makeId = sequentialEventIds();
  const events: LedgerEvent[] = [];
  const counts: Partial<Record<EventType, number>> = {};

  const terminals: Terminal[] = [];
  STORES.forEach((store, storeIndex) => {
    const short = store.id.slice(4);
    const staff = [1, 2, 3, 4].map((n) => `stf_${short}-${n}`);
    for (let n = 1; n <= store.terminals; n++) {
      const terminal = `term_${short}-${n}`;
      terminals.push({
        index: terminals.length,
        store: store.id,
        storeIndex,
        builder: terminalBuilder(terminal, { tenant: TENANT, store: store.id, makeId }),
        skewMs: rng.int(-3_000, 3_000),
        drift: (rng.next() - 0.5) * 10e-6,
        staff,
        day: undefined,
      });
    }
  });
  const terminalsOfStore = STORES.map((_, s) => terminals.filter((t) => t.storeIndex === s));

  const emit = <T extends EventType>(
    terminal: Terminal,
    type: T,
    data: EventData<T>,
    atMs: number,
    staff: string | undefined,
  ): LedgerEvent => {
    const wallMs = Math.round(atMs + terminal.skewMs + (atMs - shape.startMs) * terminal.drift);
    const event = terminal.builder.event(type, data, wallMs, staff);
    events.push(event);
    counts[type] = (counts[type] ?? 0) + 1;
    if (type !== 'day.closed') tallyEvent(terminal, event, atMs);
    return event;
  };

  /** Counts the event into its terminal's day, for the day's Z report. */
  function tallyEvent(terminal: Terminal, event: LedgerEvent, atMs: number): void {
    const day = Math.floor((atMs - shape.startMs) / DAY_MS);
    let tally = terminal.day;
    if (tally?.day !== day) {
      tally = {
        day,
        from: event.hlc,
        to: event.hlc,
        events: 0,
        stamps: 0,
        redemptions: 0,
        enrolments: 0,
        voids: 0,
        feedback: 0,
      };
      terminal.day = tally;
    }
    tally.to = event.hlc;
    tally.events += 1;
    if (event.type === 'stamps.earned') tally.stamps += Math.max(0, event.data.count);
    if (event.type === 'reward.redeemed') tally.redemptions += 1;
    if (event.type === 'member.enrolled') tally.enrolments += 1;
    if (event.type === 'event.voided') tally.voids += 1;
    if (event.type === 'feedback.given') tally.feedback += 1;
  }

  /** The terminal's Z report, a few minutes after closing time. */
  function closeDay(terminal: Terminal): void {
    const tally = terminal.day;
    if (!tally) return;
    terminal.day = undefined;
    const atMs =
      shape.startMs +
      tally.day * DAY_MS +
      OPEN_FROM_MS +
      OPEN_FOR_MS +
      300_000 +
      terminal.index * 1_000;
    const totals = {
      events: tally.events,
      stamps: tally.stamps,
      redemptions: tally.redemptions,
      enrolments: tally.enrolments,
      voids: tally.voids,
      feedback: tally.feedback,
    };
    const { from, to } = tally;
    emit(
      terminal,
      'day.closed',
      { store: terminal.store, terminal: terminal.builder.terminal, from, to, totals },
      atMs,
      undefined,
    );
  }

  // Members, as parallel arrays: a million objects would cost the generator more than it needs.
  const M = shape.members;
  const memberIds: string[] = [];
  const memberCards: string[] = [];
  const homeStore = new Uint8Array(M);
  const frequency = new Uint8Array(M);
  const programsOf = new Uint8Array(M); // bit per program
  const mergedInto = new Int32Array(M).fill(-1);
  const erased = new Uint8Array(M);
  const birthdayOf: (string | undefined)[] = [];
  const lastBirthdayYear = new Uint16Array(M);
  const balance = new Int32Array(M * 3);
  const lastActivity = new Float64Array(M * 3);
  let enrolled = 0;
  let doubleRedemptions = 0;
  const at = (array: Int32Array | Uint8Array | Uint16Array | Float64Array, i: number) =>
    array[i] ?? 0;

  const canonical = (m: number): number => {
    let current = m;
    for (let next = at(mergedInto, current); next >= 0; next = at(mergedInto, current))
      current = next;
    return current;
  };

  /** A visiting member: regulars come far more often than the rest. */
  const pickVisitor = (): number | undefined => {
    for (let tries = 0; tries < 50; tries++) {
      const m = canonical(Math.floor(rng.next() * enrolled));
      if (at(erased, m) === 1) continue;
      if (rng.next() * 8 < at(frequency, m)) return m;
    }
    return undefined;
  };

  const terminalFor = (m: number): Terminal => {
    const store = rng.chance(0.9) ? at(homeStore, m) : rng.weighted(STORES.map((s) => s.share));
    return rng.pick(terminalsOfStore[store] ?? terminals);
  };
  const cashier = (t: Terminal) => t.staff[rng.int(1, t.staff.length - 1)];
  const manager = (t: Terminal) => t.staff[0];

  const recent: Voidable[] = []; // a ring of recent stamps and redemptions, for manager corrections
  const voided = new Set<string>();
  const remember = (v: Voidable) => {
    if (recent.length < 50_000) recent.push(v);
    else recent[Math.floor(rng.next() * recent.length)] = v;
  };

  const applyExpiry = (k: number, program: number, nowMs: number) => {
    if (program === BAKERY && at(balance, k) > 0 && nowMs - at(lastActivity, k) > 60 * DAY_MS)
      balance[k] = 0;
    lastActivity[k] = nowMs;
  };

  const voidEvent = (
    t: Terminal,
    target: Voidable,
    atMs: number,
    reason: 'cashier_undo' | 'manager_correction',
  ) => {
    if (voided.has(target.id)) return;
    voided.add(target.id);
    const k = canonical(target.member) * 3 + target.program;
    balance[k] = at(balance, k) - target.delta;
    emit(
      t,
      'event.voided',
      { target: target.id, reason },
      atMs,
      reason === 'cashier_undo' ? cashier(t) : manager(t),
    );
  };

  const enrol = (nowMs: number) => {
    const m = enrolled;
    enrolled += 1;
    const member = `mem_${randomBody(rng, 20)}`;
    const card = randomQrCardId(rng);
    memberIds.push(member);
    memberCards.push(card);
    homeStore[m] = rng.weighted(STORES.map((s) => s.share));
    frequency[m] = rng.pick([8, 8, 2, 2, 2, 2, 2, 1, 1, 1]);
    programsOf[m] = 1 | (rng.chance(0.4) ? 2 : 0) | (rng.chance(0.3) ? 4 : 0);
    const birthday = rng.chance(0.25)
      ? `${rng.chance(0.3) ? `${rng.int(1950, 2006)}-` : ''}${pad2(rng.int(1, 12))}-${pad2(rng.int(1, 28))}`
      : undefined;
    birthdayOf.push(birthday);
    const t = terminalFor(m);
    const staff = cashier(t);
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const referrer = enrolled > 100 && rng.chance(0.05) ? pickVisitor() : undefined;
    emit(
      t,
      'member.enrolled',
      {
        member,
        ...(rng.chance(0.7) ? { name: `${first} ${last}` } : {}),
        ...(rng.chance(0.4) ? { phone: `+49 151 ${rng.int(1_000_000, 9_999_999)}` } : {}),
        ...(rng.chance(0.3) ? { email: `${ascii(first).toLowerCase()}.${m}@example.org` } : {}),
        ...(birthday === undefined ? {} : { birthday }),
        consent: { marketing: rng.chance(0.35) },
        ...(referrer === undefined ? {} : { referredBy: memberIds[referrer] ?? member }),
      },
      nowMs,
      staff,
    );
    emit(
      t,
      'card.linked',
      { member, card, kind: rng.pick(['qr', 'qr', 'qr', 'nfc', 'nfc', 'barcode'] as const) },
      nowMs,
      staff,
    );
    emit(
      t,
      'stamps.earned',
      { member, program: 'prg_coffee', count: 1, reason: 'welcome' },
      nowMs,
      staff,
    );
    balance[m * 3] = 1;
    if (referrer !== undefined) {
      const referrerId = memberIds[referrer] ?? member;
      emit(
        t,
        'stamps.earned',
        { member, program: 'prg_coffee', count: 1, reason: 'referral', ref: referrerId },
        nowMs,
        staff,
      );
      emit(
        t,
        'stamps.earned',
        { member: referrerId, program: 'prg_coffee', count: 2, reason: 'referral', ref: member },
        nowMs,
        staff,
      );
      balance[m * 3] = 2;
      balance[referrer * 3] = at(balance, referrer * 3) + 2;
    }
  };

  const stampsFor = (program: number): number => {
    if (program === COFFEE) return rng.pick([1, 1, 1, 1, 1, 1, 1, 2, 2, 3]);
    if (program === BAKERY) return Math.max(1, Math.floor(rng.int(300, 2_800) / 500));
    return 1;
  };

  let coffeeV2 = false;
  const visit = (nowMs: number) => {
    const m = pickVisitor();
    if (m === undefined) return;
    const t = terminalFor(m);
    const staff = cashier(t);
    const member = memberIds[m] ?? '';
    const card = rng.chance(0.9) ? memberCards[m] : undefined;
    const programs = at(programsOf, m);
    const first = programs === 1 ? COFFEE : rng.pick([0, 1, 2].filter((p) => programs & (1 << p)));
    const visited = [first];
    if (first !== BAKERY && programs & 2 && rng.chance(0.25)) visited.push(BAKERY);
    for (const p of visited) {
      const program = PROGRAM_IDS[p] ?? 'prg_coffee';
      const k = m * 3 + p;
      applyExpiry(k, p, nowMs);
      const count = stampsFor(p);
      const stamp = emit(
        t,
        'stamps.earned',
        { member, program, count, reason: 'purchase', ...(card === undefined ? {} : { card }) },
        nowMs,
        staff,
      );
      balance[k] = at(balance, k) + count;
      const stampRef: Voidable = {
        id: stamp.id,
        member: m,
        program: p,
        delta: count,
        terminal: t.index,
      };
      remember(stampRef);
      if (p === COFFEE) {
        const local = localTime(nowMs, 'Europe/Berlin');
        if (coffeeV2 && local.weekday <= 5 && local.hour >= 14 && local.hour < 16) {
          emit(
            t,
            'stamps.earned',
            {
              member,
              program,
              count,
              reason: 'campaign',
              ...(card === undefined ? {} : { card }),
              ref: 'Happy hour',
            },
            nowMs,
            staff,
          );
          balance[k] = at(balance, k) + count;
        }
        const birthday = birthdayOf[m];
        if (birthday !== undefined && at(lastBirthdayYear, m) !== local.year) {
          const since =
            local.dayNumber -
            Math.floor(Date.parse(`${local.year}-${birthday.slice(-5)}T00:00:00Z`) / DAY_MS);
          if (since >= 0 && since <= 30) {
            lastBirthdayYear[m] = local.year;
            emit(
              t,
              'stamps.earned',
              { member, program, count: 2, reason: 'birthday' },
              nowMs,
              staff,
            );
            balance[k] = at(balance, k) + 2;
          }
        }
      }
      if (rng.chance(0.01)) voidEvent(t, stampRef, nowMs + rng.int(5_000, 90_000), 'cashier_undo');
      const rewards = REWARDS[p] ?? REWARDS[0];
      const affordable = rewards.filter((r) => r.cost <= at(balance, k));
      if (affordable.length === 0 || !rng.chance(0.55)) continue;
      const reward = rng.pick(affordable);
      const redeemAt = nowMs + rng.int(1_000, 20_000);
      const redemption = emit(
        t,
        'reward.redeemed',
        {
          member,
          program,
          reward: reward.id,
          cost: reward.cost,
          ...(card === undefined ? {} : { card }),
        },
        redeemAt,
        staff,
      );
      balance[k] = at(balance, k) - reward.cost;
      const redemptionRef: Voidable = {
        id: redemption.id,
        member: m,
        program: p,
        delta: -reward.cost,
        terminal: t.index,
      };
      remember(redemptionRef);
      if (rng.chance(0.005))
        voidEvent(t, redemptionRef, redeemAt + rng.int(5_000, 60_000), 'cashier_undo');
      else if (rng.chance(0.015)) {
        // Two offline terminals hand out the same reward: the second redemption happens
        // elsewhere minutes later, on a terminal that has not heard of the first.
        const other = rng.pick(terminals.filter((o) => o !== t));
        emit(
          other,
          'reward.redeemed',
          { member, program, reward: reward.id, cost: reward.cost },
          redeemAt + rng.int(20_000, 600_000),
          cashier(other),
        );
        balance[k] = at(balance, k) - reward.cost;
        doubleRedemptions += 1;
      }
    }
  };

  const update = (nowMs: number) => {
    const m = pickVisitor();
    if (m === undefined) return;
    const t = terminalFor(m);
    const member = memberIds[m] ?? '';
    const change = rng.int(0, 3);
    const data =
      change === 0
        ? { member, phone: `+49 160 ${rng.int(1_000_000, 9_999_999)}` }
        : change === 1
          ? { member, email: `member.${m}.${rng.int(1, 99)}@example.net` }
          : change === 2
            ? { member, consent: { marketing: rng.chance(0.5) } }
            : { member, name: `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}` };
    emit(t, 'member.updated', data, nowMs, cashier(t));
  };

  const replaceCard = (nowMs: number) => {
    const m = pickVisitor();
    if (m === undefined) return;
    const t = terminalFor(m);
    const staff = cashier(t);
    const old = memberCards[m] ?? '';
    const card = randomQrCardId(rng);
    memberCards[m] = card;
    emit(
      t,
      'card.blocked',
      { card: old, reason: rng.pick(['lost', 'lost', 'stolen', 'damaged', 'other'] as const) },
      nowMs,
      staff,
    );
    emit(
      t,
      'card.linked',
      { member: memberIds[m] ?? '', card, kind: rng.pick(['qr', 'nfc'] as const) },
      nowMs,
      staff,
    );
  };

  /** Someone enrolled twice: the newer account is merged into the older one. */
  const merge = (nowMs: number) => {
    const into = pickVisitor();
    const from = pickVisitor();
    if (into === undefined || from === undefined || into === from) return;
    const [older, newer] = into < from ? [into, from] : [from, into];
    const t = terminalFor(older);
    emit(
      t,
      'member.merged',
      { from: memberIds[newer] ?? '', into: memberIds[older] ?? '' },
      nowMs,
      manager(t),
    );
    mergedInto[newer] = older;
    for (let p = 0; p < 3; p++) {
      balance[older * 3 + p] = at(balance, older * 3 + p) + at(balance, newer * 3 + p);
      balance[newer * 3 + p] = 0;
    }
    programsOf[older] = at(programsOf, older) | at(programsOf, newer);
  };

  const erase = (nowMs: number) => {
    const m = pickVisitor();
    if (m === undefined) return;
    const t = terminalFor(m);
    erased[m] = 1;
    emit(t, 'member.erased', { member: memberIds[m] ?? '' }, nowMs, manager(t));
  };

  const feedback = (nowMs: number) => {
    const m = rng.chance(0.6) ? pickVisitor() : undefined;
    const t = m === undefined ? rng.pick(terminals) : terminalFor(m);
    emit(
      t,
      'feedback.given',
      {
        ...(m === undefined ? {} : { member: memberIds[m] ?? '' }),
        rating: rng.pick([5, 5, 5, 4, 4, 4, 3, 2, 1]),
        ...(rng.chance(0.3) ? { comment: rng.pick(COMMENTS) } : {}),
      },
      nowMs,
      cashier(t),
    );
  };

  const correct = (nowMs: number) => {
    const target = recent[Math.floor(rng.next() * recent.length)];
    if (!target) return;
    voidEvent(
      terminals[target.terminal] ?? rng.pick(terminals),
      target,
      nowMs,
      'manager_correction',
    );
  };

  const adjust = (nowMs: number) => {
    const m = pickVisitor();
    if (m === undefined) return;
    const t = terminalFor(m);
    const p = rng.pick([0, 1, 2].filter((q) => at(programsOf, m) & (1 << q)));
    const count = rng.pick([-3, -2, -1, 1, 2, 5]);
    emit(
      t,
      'stamps.earned',
      {
        member: memberIds[m] ?? '',
        program: PROGRAM_IDS[p] ?? 'prg_coffee',
        count,
        reason: 'adjustment',
      },
      nowMs,
      manager(t),
    );
    balance[m * 3 + p] = at(balance, m * 3 + p) + count;
  };

  // The head office publishes the programs before the first day opens.
  const hq = terminals[0] ?? rng.pick(terminals);
  const publish = (
    program: number,
    version: number,
    name: string,
    rules: ProgramRules,
    atMs: number,
  ) =>
    emit(
      hq,
      'program.published',
      { program: PROGRAM_IDS[program] ?? 'prg_coffee', version, name, rules },
      atMs,
      hq.staff[0],
    );
  publish(COFFEE, 1, 'Coffee card', coffeeRules, shape.startMs + OPEN_FROM_MS - 3_600_000);
  publish(BAKERY, 1, 'Bakery points', bakeryRules, shape.startMs + OPEN_FROM_MS - 3_500_000);
  publish(LUNCH, 1, 'Lunch club', lunchRules, shape.startMs + OPEN_FROM_MS - 3_400_000);

  const others = [
    { weight: 1.2, action: update },
    { weight: 0.25, action: replaceCard },
    { weight: 0.03, action: merge },
    { weight: 0.01, action: erase },
    { weight: 1.5, action: feedback },
    { weight: 0.06, action: correct },
    { weight: 0.2, action: adjust },
  ];
  const otherWeights = others.map((o) => o.weight);
  const otherShare = otherWeights.reduce((a, b) => a + b, 0) / 100;

  // Opening hours are all the simulation sees of time: `openMs` runs over them only.
  const totalOpenMs = shape.days * OPEN_FOR_MS;
  let openMs = 0;
  let actions = 0;
  let nowMs = shape.startMs;
  const openDays = () => terminals.filter((t) => t.day !== undefined).length;
  // Stop early enough that the Z reports still fit: the ledger has exactly the size asked.
  while (events.length + openDays() + 10 < shape.events) {
    const progress = events.length / shape.events;
    // Enrolments follow a launch curve: most members join early.
    const enrolledTarget = Math.min(
      M,
      Math.ceil((M * (1 - Math.exp(-3 * progress))) / (1 - Math.exp(-3))),
    );
    const eventsPerAction = actions === 0 ? 1.5 : events.length / actions;
    const remainingActions = Math.max(1, (shape.events - events.length) / eventsPerAction);
    openMs += -Math.log(1 - rng.next()) * Math.max(1, (totalOpenMs - openMs) / remainingActions);
    const day = Math.floor(openMs / OPEN_FOR_MS);
    nowMs = shape.startMs + day * DAY_MS + OPEN_FROM_MS + (openMs - day * OPEN_FOR_MS);
    if (!coffeeV2 && day >= 30) {
      coffeeV2 = true;
      publish(COFFEE, 2, 'Coffee card', coffeeRulesV2, nowMs);
    }
    for (const t of terminals) if (t.day !== undefined && t.day.day < day) closeDay(t);
    actions += 1;
    if (enrolled < enrolledTarget || enrolled < 100) enrol(nowMs);
    else if (rng.chance(otherShare)) others[rng.weighted(otherWeights)]?.action(nowMs);
    else visit(nowMs);
  }
  // The last few events: feedback at terminals whose day is open, then the Z reports.
  const open = terminals.filter((t) => t.day !== undefined);
  while (events.length + open.length < shape.events) {
    const t = open[0] ?? rng.pick(terminals);
    if (open.length === 0) open.push(t);
    nowMs += 1_000;
    emit(t, 'feedback.given', { rating: rng.int(1, 5) }, nowMs, cashier(t));
  }
  for (const t of terminals) closeDay(t);
  events.sort(compareEvents);
  const firstMs = Number(events[0]?.hlc.slice(0, 15));
  const lastMs = Number(events[events.length - 1]?.hlc.slice(0, 15));
  return {
    events,
    counts,
    members: enrolled,
    terminals: terminals.length,
    spanDays: (lastMs - firstMs) / DAY_MS,
    doubleRedemptions,
  };
}
