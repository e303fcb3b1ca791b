/**
 * `GET` and `POST /v1/staff` over real HTTP on SQLite: a terminal sends its changes and
 * gets its store's merged list; it never sees another store's or tenant's staff; a
 * revoked terminal and a missing token are refused; bad input is a 400 in words; and the
 * desktop terminal's origin may call it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStore, makeEnrolmentCode } from '../../server/admin/tenancy';
import type { ServerStore } from '../../server/store/server-store';
import { errorBodySchema } from '../../shared/sync/protocol';
import {
  staffListSchema,
  type StaffAuditEntry,
  type StaffRecord,
} from '../../shared/sync/staff-protocol';
import {
  call,
  enrolTerminal,
  errorOf,
  twoTillsOfOneStore,
  type TwoTills,
  tenantWithCode,
  type HttpTerminal,
  type RunningServer,
} from '../support/sync-harness';
import { addedEntry, staffRecord } from '../support/staff-records';
import { versionAt } from '../support/versions';

const NOW = Date.UTC(2026, 10, 24, 9);
const at = (ms: number) => versionAt(ms);
const person = (id: string, overrides: Partial<StaffRecord> = {}): StaffRecord =>
  staffRecord(id, NOW, overrides);
const added = (n: number, staff: string): StaffAuditEntry => addedEntry(n, NOW, { staff });

let setup: TwoTills;
let store: ServerStore;
let server: RunningServer;
let tillA: HttpTerminal;
let tillA2: HttpTerminal;

beforeEach(async () => {
  setup = await twoTillsOfOneStore(NOW);
  ({ store, server } = setup);
  [tillA, tillA2] = setup.tills;
});

afterEach(() => setup.close());

describe('/v1/staff', () => {
  it('takes a terminal’s changes and answers the store’s merged list to every terminal of it', async () => {
    const ben = person('stf_ben');
    const first = await tillA.request('POST', '/v1/staff', {
      staff: [ben],
      audit: [added(1, ben.id)],
    });
    expect(first.status).toBe(200);
    expect(staffListSchema.parse(first.body)).toEqual({ staff: [ben], audit: [added(1, ben.id)] });
    // The other terminal's older version of Ben loses; its own new person is added.
    const older = { ...ben, name: 'Old Ben', changedAt: at(NOW - 1) };
    const cy = person('stf_cy');
    const second = await tillA2.request('POST', '/v1/staff', {
      staff: [older, cy],
      audit: [added(1, ben.id), added(2, cy.id)],
    });
    expect(staffListSchema.parse(second.body)).toEqual({
      staff: [ben, cy],
      audit: [added(1, ben.id), added(2, cy.id)],
    });
    expect(staffListSchema.parse((await tillA.request('GET', '/v1/staff')).body).staff).toEqual([
      ben,
      cy,
    ]);
  });

  it('never shows another store’s or another tenant’s staff', async () => {
    await tillA.request('POST', '/v1/staff', { staff: [person('stf_ben')], audit: [] });
    const otherTenant = await enrolTerminal(
      server.url,
      (await tenantWithCode(store, 'Süd', NOW)).code,
    );
    const [tenant] = await store.tenants();
    const otherStore = await (async () => {
      const shop = await createStore(store, tenant?.id ?? '', 'Second shop', NOW);
      if (!shop.ok) throw new Error(shop.error);
      const code = await makeEnrolmentCode(store, shop.value.id, NOW);
      if (!code.ok) throw new Error(code.error);
      return enrolTerminal(server.url, code.value.code);
    })();
    for (const stranger of [otherTenant, otherStore]) {
      expect(staffListSchema.parse((await stranger.request('GET', '/v1/staff')).body)).toEqual({
        staff: [],
        audit: [],
      });
      // Pushing the same id keeps it in the stranger's own list, leaving Café Nord's alone.
      const mine = person('stf_ben', { name: 'Not Ben', changedAt: at(NOW + 60_000) });
      const answer = await stranger.request('POST', '/v1/staff', { staff: [mine], audit: [] });
      expect(staffListSchema.parse(answer.body).staff).toEqual([mine]);
    }
    const nord = staffListSchema.parse((await tillA.request('GET', '/v1/staff')).body);
    expect(nord.staff.map((r) => r.name)).toEqual(['Person stf_ben']);
  });

  it('refuses a revoked terminal and a missing token, taking nothing', async () => {
    await store.revokeTerminal(tillA.enrolment.terminal, NOW);
    const push = await tillA.request('POST', '/v1/staff', { staff: [person('stf_x')], audit: [] });
    expect(errorOf(push)).toEqual({ status: 403, code: 'terminal_revoked' });
    expect(errorOf(await tillA.request('GET', '/v1/staff'))).toEqual({
      status: 403,
      code: 'terminal_revoked',
    });
    expect(errorOf(await call(server.url, 'GET', '/v1/staff'))).toEqual({
      status: 401,
      code: 'unauthorized',
    });
    expect(staffListSchema.parse((await tillA2.request('GET', '/v1/staff')).body).staff).toEqual(
      [],
    );
  });

  it('answers bad input with a 400 that names the field, storing nothing', async () => {
    const cases: [unknown, RegExp][] = [
      [{ staff: [{ ...person('stf_ann'), pin: '1234' }], audit: [] }, /staff\.0\.pin/u],
      [
        {
          staff: [{ ...person('stf_ann'), pin: { ...person('x').pin, hash: undefined } }],
          audit: [],
        },
        /pin\.hash/u,
      ],
      [{ staff: [person('not-a-staff-id')], audit: [] }, /staff\.0\.id/u],
      [{ staff: [person('stf_ann', { changedAt: 'yesterday' })], audit: [] }, /changedAt/u],
      [{ staff: [person('stf_ann', { name: ' padded ' })], audit: [] }, /name/u],
      [{ staff: [], audit: [{ ...added(1, 'stf_ann'), id: 'seq-1' }] }, /audit\.0\.id/u],
      [{ staff: [], audit: [{ ...added(1, 'stf_ann'), change: 'promoted' }] }, /change/u],
      [{ staff: [] }, /audit/u],
      [{ staff: [], audit: [], extra: 1 }, /extra/u],
      [
        { staff: [person('stf_ann', { changedAt: at(NOW + 60 * 60_000) })], audit: [] },
        /60 minutes ahead/u,
      ],
      [
        { staff: [], audit: [{ ...added(1, 'stf_ann'), atMs: NOW + 90 * 60_000 }] },
        /audit entry .* is 90 minutes ahead/u,
      ],
    ];
    for (const [body, words] of cases) {
      const answer = await tillA.request('POST', '/v1/staff', body);
      expect(errorOf(answer), JSON.stringify(body)).toEqual({ status: 400, code: 'invalid_body' });
      expect(errorBodySchema.parse(answer.body).error.message).toMatch(words);
    }
    expect(await store.staffOf(tillA.enrolment.tenant, tillA.enrolment.store)).toEqual({
      staff: [],
      audit: [],
    });
  });

  it('answers the desktop terminal’s origin', async () => {
    const response = await fetch(`${server.url}/v1/staff`, {
      method: 'OPTIONS',
      headers: {
        origin: 'treu://app',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });
});
