/**
 * HQ's reports (docs/hq.md: `GET /v1/reports/…`), each over the signed-in admin's tenant
 * only: KPIs overall and per store with the per-day trend, overdrafts across stores, and
 * the member segments as CSV downloads. Every report is computed from the tenant's ledger
 * as the store has it now, folded once for the calls of one dashboard load
 * (server/hq/tenant-ledger.ts).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { champions, lapsedMembers } from '../../shared/kpi/segments';
import {
  championsQuerySchema,
  lapsedQuerySchema,
  periodQuerySchema,
} from '../../shared/sync/reports-protocol';
import { createKpiMemo } from '../hq/kpi-memo';
import { resolvePeriod } from '../hq/periods';
import { kpisReport, overdraftsReport } from '../hq/reports';
import { championsCsv, lapsedCsv } from '../hq/segment-csv';
import { createTenantLedgers } from '../hq/tenant-ledger';
import type { AdminRow, ServerStore, StoreRow } from '../store/server-store';
import { parseInput, requireAdmin, sendHqError } from './hq-session';

/** What every report starts from: who asks, what, and which of the tenant's stores. */
interface ReportRequest<Q> {
  readonly nowMs: number;
  readonly admin: AdminRow;
  readonly query: Q;
  /** Every store of the tenant (for names). */
  readonly stores: readonly StoreRow[];
  /** The stores the report covers: all, or the one asked for. */
  readonly asked: readonly StoreRow[];
}

/**
 * The signed-in admin, the parsed query and the stores asked for; undefined after the
 * 401, 400 or 404 that says why not. A store that is not one of the tenant's is "not
 * found".
 */
async function reportRequest<S extends z.ZodType<{ store?: string | undefined }>>(
  store: ServerStore,
  now: () => number,
  schema: S,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<ReportRequest<z.infer<S>> | undefined> {
  const nowMs = now();
  const admin = await requireAdmin(store, request, reply, nowMs);
  if (!admin) return undefined;
  const query = parseInput(schema, request.query, reply, 'query');
  if (!query) return undefined;
  const stores = await store.stores(admin.tenant);
  const only = query.store;
  const asked = only === undefined ? stores : stores.filter((s) => s.id === only);
  if (asked.length === 0 && only !== undefined) {
    sendHqError(reply, 404, 'not_found', `There is no store ${only} among yours.`);
    return undefined;
  }
  return { nowMs, admin, query, stores, asked };
}

function sendCsv(reply: FastifyReply, name: string, csv: string, nowMs: number): FastifyReply {
  const day = new Date(nowMs).toISOString().slice(0, 10);
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="treu-${name}-${day}.csv"`)
    .send(csv);
}

export function registerHqReportRoutes(
  app: FastifyInstance,
  store: ServerStore,
  now: () => number,
): void {
  const ledgers = createTenantLedgers(store);
  const memo = createKpiMemo();
  const ask = <S extends z.ZodType<{ store?: string | undefined }>>(
    schema: S,
    request: FastifyRequest,
    reply: FastifyReply,
  ) => reportRequest(store, now, schema, request, reply);

  app.get('/v1/reports/kpis', async (request, reply) => {
    const asked = await ask(periodQuerySchema, request, reply);
    if (!asked) return reply;
    const { nowMs, admin, query } = asked;
    const p = await ledgers.fold(admin.tenant, nowMs);
    return kpisReport(p, resolvePeriod(query, nowMs), asked.asked, memo);
  });

  app.get('/v1/reports/overdrafts', async (request, reply) => {
    const asked = await ask(periodQuerySchema, request, reply);
    if (!asked) return reply;
    const { nowMs, admin, query, stores } = asked;
    const terminals = await store.terminals(admin.tenant);
    const p = await ledgers.fold(admin.tenant, nowMs);
    return overdraftsReport(p, resolvePeriod(query, nowMs), stores, terminals, query.store, memo);
  });

  app.get('/v1/reports/segments/lapsed.csv', async (request, reply) => {
    const asked = await ask(lapsedQuerySchema, request, reply);
    if (!asked) return reply;
    const { nowMs, admin, query } = asked;
    const p = await ledgers.fold(admin.tenant, nowMs);
    const members = lapsedMembers(p, { nowMs, days: query.days, store: query.store });
    return sendCsv(reply, `lapsed-${query.days}-days`, lapsedCsv(members), nowMs);
  });

  app.get('/v1/reports/segments/champions.csv', async (request, reply) => {
    const asked = await ask(championsQuerySchema, request, reply);
    if (!asked) return reply;
    const { nowMs, admin, query } = asked;
    const period = resolvePeriod(query, nowMs);
    const p = await ledgers.fold(admin.tenant, nowMs);
    const members = champions(p, period, { limit: query.limit, store: query.store });
    return sendCsv(reply, `champions-${period.from}-${period.to}`, championsCsv(members), nowMs);
  });
}
