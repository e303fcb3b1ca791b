/**
 * What the projection derives from the ledger. Every view is a pure function of the event
 * set (docs/architecture.md, Principles 2 and 3); nothing here is ever written directly.
 */
import type { ProgramRules } from '../rules/program-schema';

export interface MemberView {
  readonly id: string;
  enrolledHlc: string | undefined;
  name: string | undefined;
  phone: string | undefined;
  email: string | undefined;
  birthday: string | undefined;
  marketingConsent: boolean;
  referredBy: string | undefined;
  /** Personal data removed (GDPR Art. 17); the ledger entries stay, pseudonymous. */
  erased: boolean;
  /** Set when this member was merged into another: look the member up there. */
  mergedInto: string | undefined;
  /** Cards linked to this member, in link order. */
  cards: string[];
  /** Balances by program; empty once merged away (they moved to the surviving member). */
  balances: Map<string, BalanceView>;
}

export interface CardView {
  readonly id: string;
  member: string;
  readonly kind: 'qr' | 'nfc' | 'barcode';
  blocked: boolean;
  blockedReason: string | undefined;
  /** Wall time of the last stamp given on this card: cooldowns are per card. */
  lastStampMs: number | undefined;
}

export interface BalanceView {
  member: string;
  readonly program: string;
  /** Stamps available now; negative after an overdraft until later stamps pay it back. */
  balance: number;
  earned: number;
  redeemed: number;
  /** Stamps that lapsed by the program's expiry rules. */
  lapsed: number;
  overdrafts: number;
  /** Wall time of the last stamp or redemption (a visit). */
  lastActivityMs: number | undefined;
  /** Local day of the last activity, and what happened on that day. */
  activityDay: number | undefined;
  stampsOnActivityDay: number;
  redemptionsOnActivityDay: number;
  /** Local year of the last birthday bonus. */
  lastBirthdayBonusYear: number | undefined;
  /** Positive earnings as [wallMs, count, wallMs, count, …], in order: tiers count these. */
  earnings: number[];
}

export interface RedemptionView {
  readonly id: string;
  readonly hlc: string;
  /** The member as recorded on the event (before any later merge). */
  readonly member: string;
  readonly program: string;
  readonly reward: string;
  readonly cost: number;
  readonly store: string;
  readonly terminal: string;
  readonly staff: string | undefined;
  /** The balance just before this redemption, in total order. */
  readonly balanceBefore: number;
  /** The balance was below the cost: two offline terminals handed out the same stamps. */
  readonly overdraft: boolean;
}

export interface ProgramView {
  readonly id: string;
  readonly version: number;
  readonly name: string;
  readonly rules: ProgramRules;
  readonly publishedHlc: string;
}
