/**
 * Test data: one valid unsigned v1 event of every type, with fixed ids and clock values
 * so that signatures made with a fixed key are reproducible. The data fields are filled
 * as fully as the schemas allow, so tests that walk every field reach every kind of field.
 */
import type { UnsignedEvent } from '../../../shared/ledger/envelope';
import type { EventType } from '../../../shared/ledger/event-types';

export const TERMINAL = 'term_4f2a';
export const WALL_MS = 1_732_280_000_000;

/** A fixed UUIDv7 whose time part is WALL_MS (0x019353ef1e00). */
export const fixedEventId = (n: number): string =>
  `019353ef-1e00-7000-8000-${String(n).padStart(12, '0')}`;

const envelope = (n: number) => ({
  id: fixedEventId(n),
  hlc: `00${WALL_MS}-${String(n).padStart(5, '0')}-${TERMINAL}`,
  seq: n,
  tenant: 'ten_demo',
  store: 'sto_demo',
  terminal: TERMINAL,
  staff: 'stf_anna',
});

export type UnsignedEventOf<T extends EventType> = Extract<UnsignedEvent, { type: T }>;

export const VALID_UNSIGNED_EVENTS: { readonly [T in EventType]: UnsignedEventOf<T> } = {
  'member.enrolled': {
    ...envelope(1),
    type: 'member.enrolled',
    data: {
      member: 'mem_abcd1234',
      name: 'Anna Schmidt',
      phone: '+49 30 1234567',
      email: 'anna@example.com',
      birthday: '02-29',
      consent: { marketing: true },
      referredBy: 'mem_efgh5678',
    },
  },
  'member.updated': {
    ...envelope(2),
    type: 'member.updated',
    data: { member: 'mem_abcd1234', phone: '+49 170 7654321', consent: { marketing: false } },
  },
  'member.erased': {
    ...envelope(3),
    type: 'member.erased',
    data: { member: 'mem_abcd1234' },
  },
  'member.merged': {
    ...envelope(4),
    type: 'member.merged',
    data: { from: 'mem_efgh5678', into: 'mem_abcd1234' },
  },
  'card.linked': {
    ...envelope(5),
    type: 'card.linked',
    data: { member: 'mem_abcd1234', card: 'crd_00000000000000000001m', kind: 'qr' },
  },
  'card.blocked': {
    ...envelope(6),
    type: 'card.blocked',
    data: { card: 'crd_nfc-04a224b1', reason: 'lost' },
  },
  'program.published': {
    ...envelope(7),
    type: 'program.published',
    data: {
      program: 'prg_coffee',
      version: 2,
      name: 'Coffee card',
      rules: {
        timeZone: 'Europe/Berlin',
        earn: { per: 'amount', stamps: 1, amountCents: 500 },
        caps: { perTransaction: 5, perDay: 10 },
        rewards: [
          { id: 'rwd_free-coffee', name: 'Free coffee', cost: 10, kind: 'free_item' },
          {
            id: 'rwd_cake-discount',
            name: 'Cake discount',
            cost: 5,
            kind: 'discount',
            discountCents: 150,
          },
        ],
        expiry: { inactivityDays: 365, endsOn: '2026-12-31' },
        bonuses: { welcome: 1, birthday: 2, referral: { referrer: 2, referee: 1 } },
        campaigns: [
          {
            name: 'Afternoon double',
            multiplier: 2,
            startsAt: '2024-11-01T00:00:00+01:00',
            endsAt: '2024-12-01T00:00:00+01:00',
            fromHour: 14,
            toHour: 16,
            weekdays: [1, 2, 3],
          },
        ],
        tiers: { windowDays: 365, levels: [{ name: 'Gold', minStamps: 50 }] },
        cooldownSeconds: 30,
        undoWindowSeconds: 120,
        offline: { redemptionsPerDay: 1, maxRedeemCostOffline: 10 },
      },
    },
  },
  'stamps.earned': {
    ...envelope(8),
    type: 'stamps.earned',
    data: {
      member: 'mem_abcd1234',
      program: 'prg_coffee',
      count: 2,
      reason: 'purchase',
      card: 'crd_00000000000000000001m',
      ref: 'receipt-0042',
    },
  },
  'reward.redeemed': {
    ...envelope(9),
    type: 'reward.redeemed',
    data: {
      member: 'mem_abcd1234',
      program: 'prg_coffee',
      reward: 'rwd_free-coffee',
      cost: 10,
      card: 'crd_00000000000000000001m',
    },
  },
  'event.voided': {
    ...envelope(10),
    type: 'event.voided',
    data: { target: fixedEventId(8), reason: 'cashier_undo' },
  },
  'feedback.given': {
    ...envelope(11),
    type: 'feedback.given',
    data: { member: 'mem_abcd1234', rating: 5, comment: 'Great coffee' },
  },
  'day.closed': {
    ...envelope(12),
    type: 'day.closed',
    data: {
      store: 'sto_demo',
      terminal: TERMINAL,
      from: `00${WALL_MS - 36_000_000}-00000-${TERMINAL}`,
      to: `00${WALL_MS}-00011-${TERMINAL}`,
      totals: { events: 11, stamps: 2, redemptions: 1, enrolments: 1, voids: 1, feedback: 1 },
    },
  },
};

/** A syntactically valid signature (64 zero bytes), for tests of the schema alone. */
export const PLACEHOLDER_SIG = 'A'.repeat(86);
