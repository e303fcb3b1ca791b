/**
 * What a member's profile may hold, and how each value is checked: the personal data a
 * member gives at the counter. The same checks serve profile records and the v1 events
 * that still carry such data (member.enrolled, member.updated).
 */
import { z } from 'zod';
import { freeText } from '../ledger/free-text';

const BIRTHDAY_PATTERN = /^(\d{4}-)?(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** `MM-DD` or `YYYY-MM-DD`, a real calendar day. */
export const birthdaySchema = z
  .string()
  .regex(BIRTHDAY_PATTERN, 'must be MM-DD or YYYY-MM-DD')
  .refine((value) => {
    // A malformed value is reported once, by the pattern above, not again here.
    if (!BIRTHDAY_PATTERN.test(value)) return true;
    const [month, day] = value.slice(-5).split('-').map(Number) as [number, number];
    const year = value.length === 10 ? Number(value.slice(0, 4)) : 2000; // 2000: Feb 29 exists
    // setUTCFullYear, not Date.UTC, which reads the years 0 to 99 as 1900 to 1999.
    const date = new Date(0);
    date.setUTCFullYear(year, month - 1, day);
    return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  }, 'is not a calendar day');

export const profileValueSchemas = {
  name: freeText(120),
  phone: z
    .string()
    .regex(/^\+?[0-9 ()/-]{4,32}$/, 'must be a phone number (digits, spaces, + ( ) / -)'),
  email: z.email().max(254),
  birthday: birthdaySchema,
} as const;

export type ProfileFieldName = keyof typeof profileValueSchemas;
export const PROFILE_FIELDS = Object.keys(profileValueSchemas) as ProfileFieldName[];
