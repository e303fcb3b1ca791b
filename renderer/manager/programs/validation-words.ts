/**
 * The schema's verdict on a program, in words a manager can act on: each zod issue of
 * programRulesSchema (and of the program's name) becomes a sentence in the terminal's
 * language, keyed by the field it concerns, so the editor shows it next to that field.
 * No raw zod message ever reaches the screen.
 */
import type { z } from 'zod';
import { programPublishedData } from '../../../shared/ledger/event-types';
import { assertNever, err, ok, type Result } from '../../../shared/result';
import type { ProgramRules } from '../../../shared/rules/program-schema';
import type { Messages } from '../../i18n/en';

type Words = Messages['programs'];
type Issue = z.core.$ZodIssue;

/** A field's problem: `path` is the field's place in the draft, e.g. `rules.rewards.1.cost`. */
export interface FieldError {
  readonly path: string;
  readonly message: string;
}

export interface ProgramDraft {
  readonly name: string;
  readonly rules: ProgramRules;
}

const draftSchema = programPublishedData.pick({ name: true, rules: true });

/** Checks a candidate draft (from the form) and words every problem found. */
export function checkProgramDraft(
  candidate: { readonly name: string; readonly rules: unknown },
  words: Words,
): Result<ProgramDraft, FieldError[]> {
  const parsed = draftSchema.safeParse(candidate, { reportInput: true });
  return parsed.success ? ok(parsed.data) : err(describeIssues(parsed.error.issues, words));
}

export const pathKey = (path: readonly PropertyKey[]) => path.map(String).join('.');

const last = (path: readonly PropertyKey[]) => String(path[path.length - 1] ?? '');
const isMoney = (path: readonly PropertyKey[]) =>
  ['amountCents', 'discountCents'].includes(last(path));
const isDecimal = (path: readonly PropertyKey[]) => last(path) === 'multiplier';

/** Whether the value the issue is about was missing (an empty field). */
const wasMissing = (issue: Issue) => 'input' in issue && issue.input === undefined;

/** The sentence for one issue; the schema's refinements are told apart by their message. */
export function describeIssue(issue: Issue, words: Words): string {
  const v = words.validation;
  const { path } = issue;
  switch (issue.code) {
    case 'invalid_type':
      if (wasMissing(issue)) return last(path) === 'name' ? v.requiredName : v.required;
      if (isMoney(path)) return v.amount;
      return isDecimal(path) ? v.number : v.wholeNumber;
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? v.requiredName : v.invalid;
      if (issue.origin === 'array') {
        if (last(path) === 'rewards') return v.rewardsMin;
        if (last(path) === 'levels') return v.tiersMin;
        if (last(path) === 'weekdays') return v.weekdaysMin;
        return v.invalid;
      }
      return isMoney(path) ? v.atLeastEuros(min) : v.atLeast(min);
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return v.tooLong(max);
      if (issue.origin === 'array') return v.tooMany(max);
      return isMoney(path) ? v.atMostEuros(max) : v.atMost(max);
    }
    case 'invalid_format':
      if (issue.format === 'date') return v.date;
      if (issue.format === 'datetime') return v.dateTime;
      return v.invalid;
    case 'custom':
      if (issue.message.includes('white space')) return v.spaces;
      if (issue.message.includes('time zone')) return v.timeZone;
      if (issue.message.includes('go together')) return v.hoursTogether;
      if (issue.message.includes('before toHour')) return v.hoursOrder;
      if (issue.message.includes('must be unique')) return v.duplicateReward;
      return v.invalid;
    // The form cannot produce these (a choice from a list, no unknown keys); said plainly anyway.
    case 'invalid_element':
    case 'invalid_key':
    case 'invalid_union':
    case 'invalid_value':
    case 'not_multiple_of':
    case 'unrecognized_keys':
      return v.invalid;
    default:
      return assertNever(issue);
  }
}

/**
 * The field a campaign's hour refinements concern is the campaign's "from" hour; other
 * object-level issues stay on the object (shown at the head of its part of the form).
 */
function fieldOf(issue: Issue): readonly PropertyKey[] {
  if (issue.code === 'custom' && /fromHour|toHour/u.test(issue.message)) {
    return [...issue.path, 'fromHour'];
  }
  return issue.path;
}

export function describeIssues(issues: readonly Issue[], words: Words): FieldError[] {
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const issue of issues) {
    const path = pathKey(fieldOf(issue));
    if (seen.has(path)) continue; // one sentence per field is enough to act on
    seen.add(path);
    errors.push({ path, message: describeIssue(issue, words) });
  }
  return errors;
}

const FIELD_LABELS: Record<string, (w: Words['fields'], per: string) => string> = {
  name: (w) => w.name,
  'rules.timeZone': (w) => w.timeZone,
  'rules.earn.stamps': (w, per) =>
    per === 'item' || per === 'amount' ? w.earnStamps[per] : w.earnStamps.visit,
  'rules.earn.amountCents': (w) => w.earnAmount,
  'rules.caps.perTransaction': (w) => w.capPerTransaction,
  'rules.caps.perDay': (w) => w.capPerDay,
  'rules.rewards': (w) => w.addReward,
  'rules.expiry.inactivityDays': (w) => w.inactivityDays,
  'rules.expiry.endsOn': (w) => w.endsOn,
  'rules.bonuses.welcome': (w) => w.welcome,
  'rules.bonuses.birthday': (w) => w.birthday,
  'rules.bonuses.referral.referrer': (w) => w.referrer,
  'rules.bonuses.referral.referee': (w) => w.referee,
  'rules.campaigns': (w) => w.addCampaign,
  'rules.tiers.windowDays': (w) => w.tierWindowDays,
  'rules.tiers.levels': (w) => w.addTier,
  'rules.cooldownSeconds': (w) => w.cooldownSeconds,
  'rules.undoWindowSeconds': (w) => w.undoWindowSeconds,
  'rules.offline.redemptionsPerDay': (w) => w.offlineRedemptionsPerDay,
  'rules.offline.maxRedeemCostOffline': (w) => w.maxRedeemCostOffline,
};

const ITEM_LABELS: Record<string, (w: Words['fields']) => string> = {
  name: (w) => w.rewardName,
  cost: (w) => w.rewardCost,
  kind: (w) => w.rewardKind,
  discountCents: (w) => w.rewardDiscount,
  multiplier: (w) => w.multiplier,
  startsAt: (w) => w.startsAt,
  endsAt: (w) => w.endsAt,
  fromHour: (w) => w.fromHour,
  toHour: (w) => w.toHour,
  weekdays: (w) => w.weekdays,
  minStamps: (w) => w.tierMinStamps,
};

/** The field's label as the form shows it, for the summary: "Reward 2: Cost". */
export function labelOfPath(path: string, words: Words, earnPer = 'visit'): string {
  const w = words.fields;
  const known = FIELD_LABELS[path];
  if (known) return known(w, earnPer);
  const item = /^rules\.(rewards|campaigns|tiers\.levels)\.(\d+)(?:\.(\w+))?$/u.exec(path);
  if (item) {
    const n = Number(item[2]) + 1;
    const whole =
      item[1] === 'rewards' ? w.reward(n) : item[1] === 'campaigns' ? w.campaign(n) : w.tier(n);
    const field = item[3] === undefined ? undefined : ITEM_LABELS[item[3]];
    const part = field?.(w) ?? (item[3] === 'name' ? w.rewardName : undefined);
    return part === undefined ? whole : `${whole}: ${part}`;
  }
  return path;
}
