/**
 * HQ's reports (docs/hq.md: `GET /v1/reports/…`, KPIs per store and tenant): the queries
 * and the bodies the server sends and the HQ page reads, as zod schemas both sides use.
 * The login, the session, the terminals and the error form are in hq-protocol.ts.
 *
 *   GET  /v1/reports/kpis?period=…        KPIs overall and per store, per-day trend
 *   GET  /v1/reports/overdrafts?period=…  overdrafts across stores
 *   GET  /v1/reports/segments/lapsed.csv?days=N
 *   GET  /v1/reports/segments/champions.csv?period=…&limit=N
 */
import { z } from 'zod';
import { storeIdSchema } from '../ledger/event-types';
import { dayNumberOfDate } from '../rules/local-time';

/** Periods HQ offers; each ends with the current store-local day. */
export const PERIOD_KINDS = ['today', 'week', 'month', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** A calendar day that exists: Date.parse rolls 2026-02-30 over into March, so it must read back. */
const isRealDate = (date: string): boolean => {
  const ms = Date.parse(`${date}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === date;
};

const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/u, 'must be a date YYYY-MM-DD')
  .refine(isRealDate, 'must be a real date (that month has no such day)');

/** The longest custom period, in days: a year and a day covers any year. */
export const MAX_CUSTOM_DAYS = 366;

const periodFields = {
  period: z.enum(PERIOD_KINDS).default('week'),
  /** First day of a custom period (store-local, inclusive). */
  from: dateSchema.optional(),
  /** Last day of a custom period (store-local, inclusive). */
  to: dateSchema.optional(),
  /** Only this store's events (the KPIs' `store` option). */
  store: storeIdSchema.optional(),
};

function checkCustomPeriod(
  query: { period: PeriodKind; from?: string | undefined; to?: string | undefined },
  context: z.RefinementCtx,
): void {
  if (query.period !== 'custom') return;
  if (query.from === undefined || query.to === undefined) {
    context.addIssue({
      code: 'custom',
      path: ['from'],
      message: 'a custom period needs from and to (YYYY-MM-DD)',
    });
    return;
  }
  const days = dayNumberOfDate(query.to) - dayNumberOfDate(query.from) + 1;
  if (days < 1) {
    context.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
  } else if (days > MAX_CUSTOM_DAYS) {
    context.addIssue({
      code: 'custom',
      path: ['to'],
      message: `a period may span at most ${MAX_CUSTOM_DAYS} days`,
    });
  }
}

export const periodQuerySchema = z.strictObject(periodFields).superRefine(checkCustomPeriod);
export type PeriodQuery = z.infer<typeof periodQuerySchema>;

export const resolvedPeriodSchema = z.strictObject({
  kind: z.enum(PERIOD_KINDS),
  /** First and last store-local day, inclusive. */
  from: z.string(),
  to: z.string(),
  fromMs: z.number(),
  toMs: z.number(),
  timeZone: z.string(),
});
export type ResolvedPeriod = z.infer<typeof resolvedPeriodSchema>;

/** The figures of a KPI report HQ shows (shared/kpi/kpi-report.ts defines each). */
export const kpiFiguresSchema = z.strictObject({
  membersEnrolled: z.number(),
  activeMembers: z.number(),
  retentionRate: z.number().nullable(),
  repeatVisitRate: z.number().nullable(),
  redemptionRate: z.number().nullable(),
  stampsEarned: z.number(),
  stampsRedeemed: z.number(),
  redemptions: z.number(),
  overdrafts: z.number(),
  perDay: z.array(
    z.strictObject({ date: z.string(), stamps: z.number(), redemptions: z.number() }),
  ),
});
export type KpiFigures = z.infer<typeof kpiFiguresSchema>;

export const kpisResponseSchema = z.strictObject({
  period: resolvedPeriodSchema,
  overall: kpiFiguresSchema,
  stores: z.array(z.strictObject({ id: z.string(), name: z.string(), kpis: kpiFiguresSchema })),
});
export type KpisResponse = z.infer<typeof kpisResponseSchema>;

export const overdraftsResponseSchema = z.strictObject({
  period: resolvedPeriodSchema,
  overdrafts: z.array(
    z.strictObject({
      id: z.string(),
      hlc: z.string(),
      atMs: z.number(),
      store: z.string(),
      storeName: z.string(),
      terminal: z.string(),
      terminalName: z.string(),
      staff: z.string().nullable(),
      member: z.string(),
      /** Null when the member gave no name or was erased. */
      memberName: z.string().nullable(),
      reward: z.string(),
      cost: z.number(),
      balanceBefore: z.number(),
    }),
  ),
});
export type OverdraftsResponse = z.infer<typeof overdraftsResponseSchema>;
export type HqOverdraft = OverdraftsResponse['overdrafts'][number];

export const lapsedQuerySchema = z.strictObject({
  /** No visit in the last N days. */
  days: z.coerce
    .number()
    .int('must be a whole number of days')
    .min(1, 'must be at least 1 day')
    .max(3650, 'must be at most 3650 days')
    .default(60),
  store: storeIdSchema.optional(),
});

export const championsQuerySchema = z
  .strictObject({
    ...periodFields,
    period: z.enum(PERIOD_KINDS).default('month'),
    limit: z.coerce
      .number()
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(1000, 'must be at most 1000')
      .default(20),
  })
  .superRefine(checkCustomPeriod);
