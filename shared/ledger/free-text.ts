import { z } from 'zod';

/**
 * Free text in a signed event. Surrounding white space is refused, not trimmed: zod's
 * `.trim()` rewrites the value, so a signed event would parse to something other than
 * what was signed and its signature would no longer verify.
 */
export const freeText = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((value) => value.trim() === value, 'must not start or end with white space');
