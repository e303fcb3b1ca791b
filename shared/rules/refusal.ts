/**
 * Why the rule engine said no: a code the UI can translate, its figures, and a sentence
 * a cashier understands (English; the renderer words each code in German too).
 */
export type Refusal =
  | { code: 'cooldown'; waitSeconds: number; message: string }
  | { code: 'cap_per_transaction'; cap: number; message: string }
  | { code: 'cap_per_day'; cap: number; remaining: number; message: string }
  | { code: 'below_minimum_amount'; amountCents: number; neededCents: number; message: string }
  | { code: 'invalid_quantity'; message: string }
  | { code: 'not_enough_stamps'; missing: number; balance: number; cost: number; message: string }
  | { code: 'unknown_reward'; message: string }
  | { code: 'card_blocked'; message: string }
  | { code: 'member_erased'; message: string }
  | { code: 'offline_limit'; limit: number; message: string }
  | { code: 'needs_network'; message: string }
  | { code: 'program_expired'; endsOn: string; message: string }
  | { code: 'not_undoable'; message: string }
  | { code: 'already_undone'; message: string }
  | { code: 'undo_window_passed'; windowSeconds: number; message: string }
  | { code: 'manager_required'; message: string };

export type RefusalCode = Refusal['code'];

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const euros = (cents: number) => `€${(cents / 100).toFixed(2)}`;
const duration = (seconds: number) =>
  seconds >= 60 && seconds % 60 === 0
    ? plural(seconds / 60, 'minute', 'minutes')
    : plural(seconds, 'second', 'seconds');

export const refuse = {
  cooldown: (waitSeconds: number): Refusal => ({
    code: 'cooldown',
    waitSeconds,
    message: `This card was just stamped. To avoid a double scan, wait ${plural(waitSeconds, 'second', 'seconds')} before stamping it again.`,
  }),
  capPerTransaction: (cap: number): Refusal => ({
    code: 'cap_per_transaction',
    cap,
    message: `At most ${plural(cap, 'stamp', 'stamps')} can be given for one purchase.`,
  }),
  capPerDay: (cap: number, remaining: number): Refusal => ({
    code: 'cap_per_day',
    cap,
    remaining,
    message:
      remaining === 0
        ? `This member has had the most stamps allowed today (${cap}). Stamps can be given again tomorrow.`
        : `Only ${plural(remaining, 'more stamp is', 'more stamps are')} allowed today (limit ${cap}). Give ${remaining} or fewer.`,
  }),
  belowMinimumAmount: (amountCents: number, neededCents: number): Refusal => ({
    code: 'below_minimum_amount',
    amountCents,
    neededCents,
    message: `A purchase of ${euros(amountCents)} earns no stamp: one stamp needs ${euros(neededCents)}.`,
  }),
  invalidQuantity: (what: string): Refusal => ({
    code: 'invalid_quantity',
    message: `${what} must be a whole number of at least 1.`,
  }),
  notEnoughStamps: (balance: number, cost: number, rewardName: string): Refusal => ({
    code: 'not_enough_stamps',
    missing: cost - balance,
    balance,
    cost,
    message: `${plural(cost - balance, 'more stamp is', 'more stamps are')} needed for ${rewardName} (${Math.max(balance, 0)} of ${cost}).`,
  }),
  unknownReward: (): Refusal => ({
    code: 'unknown_reward',
    message: 'This reward is not part of the program (any more). Choose another reward.',
  }),
  cardBlocked: (): Refusal => ({
    code: 'card_blocked',
    message:
      'This card is blocked (reported lost or stolen). Look the member up by name and give them a new card.',
  }),
  memberErased: (): Refusal => ({
    code: 'member_erased',
    message: "This member's data was erased at their request. Enrol them again as a new member.",
  }),
  offlineLimit: (limit: number): Refusal => ({
    code: 'offline_limit',
    limit,
    message: `The terminal is offline and this member has already redeemed ${plural(limit, 'reward', 'rewards')} today. Try again when the terminal is online.`,
  }),
  needsNetwork: (rewardName: string): Refusal => ({
    code: 'needs_network',
    message: `${rewardName} can only be redeemed while the terminal is online.`,
  }),
  programExpired: (endsOn: string): Refusal => ({
    code: 'program_expired',
    endsOn,
    message: `This stamp program ended on ${endsOn}. No stamps or rewards can be given on it any more.`,
  }),
  notUndoable: (): Refusal => ({
    code: 'not_undoable',
    message: 'Only stamps and redemptions can be undone.',
  }),
  alreadyUndone: (): Refusal => ({
    code: 'already_undone',
    message: 'This action has already been undone.',
  }),
  undoWindowPassed: (windowSeconds: number): Refusal => ({
    code: 'undo_window_passed',
    windowSeconds,
    message: `A cashier can undo an action only within ${duration(windowSeconds)}. Ask a manager to correct it.`,
  }),
  managerRequired: (): Refusal => ({
    code: 'manager_required',
    message: 'Only a manager can do this. Ask a manager to sign in.',
  }),
} as const;
