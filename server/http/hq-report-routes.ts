/**
 * HQ's reports (DESIGN.md: `GET /v1/reports/…`), each over the signed-in admin's tenant
 * only: KPIs overall and per store with the per-day trend, overdrafts across stores, and
 * the member segments as CSV downloads. Every report folds the tenant's ledger afresh
 * from the store (server/hq/tenant-ledger.ts).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { champions, lapsedMembers } from '../../shared/kpi/segments';
import {
  championsQuerySchema,
  lapsedQuerySchema,
  periodQuerySchema,
} from '../../shared/sync/reports-protocol';
import { resolvePeriod } from '../hq/periods';
import { kpisReport, overdraftsReport } from '../hq/reports';
import { championsCsv, lapsedCsv } from '../hq/segment-csv';
import { foldTenant } from '../hq/tenant-ledger';
import type { AdminRow, ServerStore, StoreRow } from '../store/server-store';
import { parseInput, requireAdmin, sendHqError } from './hq-session';

/**
 * The tenant's stores, or only the one asked for; undefined (after a 404) when it is not
 * one of the tenant's.
 */
async function storesAsked(
  store: ServerStore,
  admin: AdminRow,
  only: string | undefined,
  reply: FastifyReply,
): Promise<StoreRow[] | undefined> {
  const stores = await store.stores(admin.tenant);
  if (only === undefined) return stores;
  const found = stores.filter((s) => s.id === only);
  if (found.length === 0) {
    sendHqError(reply, 404, 'not_found', `There is no store ${only} among yours.`);
    return undefined;
  }
  return found;
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
  app.get('/v1/reports/kpis', async (request, reply) => {
    const nowMs = now();
    const admin = await requireAdmin(store, request, reply, nowMs);
    if (!admin) return reply;
    const query = parseInput(periodQuerySchema, request.query, reply, 'query');
    if (!query) return reply;
    const stores = await storesAsked(store, admin, query.store, reply);
    if (!stores) return reply;
    return kpisReport(await foldTenant(store, admin.tenant), resolvePeriod(query, nowMs), stores);
  });

  app.get('/v1/reports/overdrafts', async (request, reply) => {
    const nowMs = now();
    const admin = await requireAdmin(store, request, reply, nowMs);
    if (!admin) return reply;
    const query = parseInput(periodQuerySchema, request.query, reply, 'query');
    if (!query) return reply;
    const stores = await storesAsked(store, admin, query.store, reply);
    if (!stores) return reply;
    return overdraftsReport(
      await foldTenant(store, admin.tenant),
      resolvePeriod(query, nowMs),
      await store.stores(admin.tenant),
      await store.terminals(admin.tenant),
      query.store,
    );
  });

  app.get('/v1/reports/segments/lapsed.csv', async (request, reply) => {
    const nowMs = now();
    const admin = await requireAdmin(store, request, reply, nowMs);
    if (!admin) return reply;
    const query = parseInput(lapsedQuerySchema, request.query, reply, 'query');
    if (!query) return reply;
    if (!(await storesAsked(store, admin, query.store, reply))) return reply;
    const members = lapsedMembers(await foldTenant(store, admin.tenant), {
      nowMs,
      days: query.days,
      store: query.store,
    });
    return sendCsv(reply, `lapsed-${query.days}-days`, lapsedCsv(members), nowMs);
  });

  app.get('/v1/reports/segments/champions.csv', async (request, reply) => {
    const nowMs = now();
    const admin = await requireAdmin(store, request, reply, nowMs);
    if (!admin) return reply;
    const query = parseInput(championsQuerySchema, request.query, reply, 'query');
    if (!query) return reply;
    if (!(await storesAsked(store, admin, query.store, reply))) return reply;
    const period = resolvePeriod(query, nowMs);
    const members = champions(await foldTenant(store, admin.tenant), period, {
      limit: query.limit,
      store: query.store,
    });
    return sendCsv(reply, `champions-${period.from}-${period.to}`, championsCsv(members), nowMs);
  });
}
