/**
 * HQ over real HTTP (the server listening on a port) on SQLite and PostgreSQL: login,
 * logout, wrong passwords and their lock, no session → 401; KPI, overdraft and segment
 * figures of a fixed, signed event set pushed by two terminals, against figures worked
 * out by hand below; terminals with their last sync; revocation (the next push is
 * refused); and a second tenant whose data never shows.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EventDraft } from '../../shared/ledger/envelope';
import { coffeeCardRules } from '../../shared/rules/program-schema';
import {
  hqErrorBodySchema,
  revokeResponseSchema,
  sessionResponseSchema,
  terminalsResponseSchema,
} from '../../shared/sync/hq-protocol';
import { kpisResponseSchema, overdraftsResponseSchema } from '../../shared/sync/reports-protocol';
import { createStore } from '../../server/admin/tenancy';
import { makeEnrolmentCode } from '../../server/admin/tenancy';
import { createAdmin } from '../../server/hq/admin-accounts';
import { ATTEMPT_WINDOW_MS, MAX_ATTEMPTS } from '../../server/hq/login-throttle';
import { buildSyncServer } from '../../server/http/sync-server';
import type { ServerStore } from '../../server/store/server-store';
import {
  postgresKind,
  sqliteKind,
  type OpenedStore,
  type StoreKind,
} from '../support/server-stores';
import { enrolTerminal, tenantWithCode, type HttpTerminal } from '../support/sync-harness';

/** 2026-11-24 13:00 in Berlin (UTC+1); the "week" is 2026-11-18 … 2026-11-24 there. */
const NOW = Date.UTC(2026, 10, 24, 12);
/** A UTC time whose Berlin date is the same day (10:00Z is 11:00 or 12:00 there). */
const at = (month: number, day: number, hour = 10, minute = 0) =>
  Date.UTC(2026, month - 1, day, hour, minute);

const enrol = (
  member: string,
  extra: { name?: string; email?: string; phone?: string; marketing: boolean },
): EventDraft => ({
  type: 'member.enrolled',
  data: {
    member,
    ...(extra.name === undefined ? {} : { name: extra.name }),
    ...(extra.email === undefined ? {} : { email: extra.email }),
    ...(extra.phone === undefined ? {} : { phone: extra.phone }),
    consent: { marketing: extra.marketing },
  },
});
const stamp = (member: string, count: number, reason = 'purchase'): EventDraft =>
  ({
    type: 'stamps.earned',
    data: { member, program: 'prg_coffee', count, reason },
  }) as EventDraft;
const redeem = (member: string): EventDraft => ({
  type: 'reward.redeemed',
  data: { member, program: 'prg_coffee', reward: 'rwd_free-coffee', cost: 10 },
});

/**
 * Tenant A: North (terminal N) and South (terminal S). Members:
 * - mia: consent, email; one visit on 10-01 (North). Lapsed after 30 days, not after 60.
 * - finn: consent but no contact; visit 10-05. Never in the lapsed list.
 * - ole: email but no consent; visit 10-10. Never in the lapsed list.
 * - lea (named `=SUM(1,2)`): consent, email; 10 stamps on 11-01 (South); redeems on 11-23
 *   at South (10:00Z) and again at North (11:00Z): the second is an overdraft.
 * - jonas: enrolled 11-20 at North, phone, no consent; purchases 11-20 North (2 stamps),
 *   11-21 South (5, voided), 11-22 South (1), 11-24 North (1), plus an adjustment of 3.
 */
async function pushTenantA(north: HttpTerminal, south: HttpTerminal) {
  const n: [number, EventDraft][] = [
    [
      at(9, 30),
      {
        type: 'program.published',
        data: { program: 'prg_coffee', version: 1, name: 'Coffee card', rules: coffeeCardRules },
      },
    ],
    [
      at(10, 1, 9),
      enrol('mem_mia', { name: 'Mia Sommer', email: 'mia@example.com', marketing: true }),
    ],
    [at(10, 1, 9, 1), stamp('mem_mia', 1)],
    [at(10, 5, 9), enrol('mem_finn', { name: 'Finn', marketing: true })],
    [at(10, 5, 9, 1), stamp('mem_finn', 1)],
    [at(10, 10, 9), enrol('mem_ole', { name: 'Ole', email: 'ole@example.com', marketing: false })],
    [at(10, 10, 9, 1), stamp('mem_ole', 1)],
    [
      at(11, 20, 10),
      enrol('mem_jonas', { name: 'Jonas Berg', phone: '+49 170 1234567', marketing: false }),
    ],
    [at(11, 20, 10, 1), stamp('mem_jonas', 2)],
    [at(11, 23, 11), redeem('mem_lea')],
    [at(11, 24, 9), stamp('mem_jonas', 1)],
    [at(11, 24, 9, 5), stamp('mem_jonas', 3, 'adjustment')],
  ];
  const s: [number, EventDraft][] = [
    [
      at(11, 1, 10),
      enrol('mem_lea', { name: '=SUM(1,2)', email: 'lea@example.com', marketing: true }),
    ],
    [at(11, 1, 10, 1), stamp('mem_lea', 10)],
    [at(11, 21, 10), stamp('mem_jonas', 5)],
  ];
  const northEvents = [];
  for (const [ms, draft] of n) northEvents.push(await north.sign(draft, ms));
  const southEvents = [];
  for (const [ms, draft] of s) southEvents.push(await south.sign(draft, ms));
  const voided = southEvents.at(-1)?.id ?? '';
  for (const [ms, draft] of [
    [at(11, 21, 10, 2), { type: 'event.voided', data: { target: voided, reason: 'cashier_undo' } }],
    [at(11, 22, 10), stamp('mem_jonas', 1)],
    [at(11, 23, 10), redeem('mem_lea')],
  ] as [number, EventDraft][]) {
    southEvents.push(await south.sign(draft, ms));
  }
  for (const [terminal, events] of [
    [north, northEvents],
    [south, southEvents],
  ] as const) {
    const answer = await terminal.request('POST', '/v1/events', { events });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect((answer.body as { accepted: string[] }).accepted).toHaveLength(events.length);
  }
}

interface Client {
  cookie: string | undefined;
  request(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; headers: Headers; text: string; json: () => unknown }>;
}

function client(url: string): Client {
  const self: Client = {
    cookie: undefined,
    async request(method, path, body, headers = {}) {
      const response = await fetch(new URL(path, url), {
        method,
        redirect: 'manual',
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(self.cookie === undefined ? {} : { cookie: self.cookie }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const setCookie = response.headers.get('set-cookie');
      if (setCookie) {
        const pair = setCookie.split(';')[0] ?? '';
        self.cookie = pair.endsWith('=') ? undefined : pair;
      }
      const text = await response.text();
      return {
        status: response.status,
        headers: response.headers,
        text,
        json: () => JSON.parse(text) as unknown,
      };
    },
  };
  return self;
}

const errorCode = (answer: { status: number; json: () => unknown }) => ({
  status: answer.status,
  code: hqErrorBodySchema.parse(answer.json()).error.code,
});

function describeHq(kind: StoreKind) {
  describe(`HQ on ${kind.name}`, () => {
    let opened: OpenedStore;
    let store: ServerStore;
    let url: string;
    let close: () => Promise<void>;
    let nowMs = NOW;
    let north: HttpTerminal;
    let south: HttpTerminal;
    let other: HttpTerminal;
    let passwordA: string;
    let passwordB: string;
    let tenantA: string;
    let storeNorth: string;
    let storeSouth: string;
    let storeOther: string;

    beforeEach(async () => {
      nowMs = NOW;
      opened = await kind.open();
      store = opened.store;
      const app = buildSyncServer({ store, now: () => nowMs });
      url = await app.listen({ port: 0, host: '127.0.0.1' });
      close = () => app.close();

      const a = await tenantWithCode(store, 'Café Nord', NOW);
      tenantA = a.tenant.id;
      storeNorth = a.store.id;
      const southStore = await createStore(store, tenantA, 'South', NOW + 1);
      if (!southStore.ok) throw new Error(southStore.error);
      storeSouth = southStore.value.id;
      const southCode = await makeEnrolmentCode(store, storeSouth, NOW);
      if (!southCode.ok) throw new Error(southCode.error);
      north = await enrolTerminal(url, a.code, 'North till');
      south = await enrolTerminal(url, southCode.value.code, 'South till');
      await pushTenantA(north, south);

      const b = await tenantWithCode(store, 'Café Süd', NOW);
      storeOther = b.store.id;
      other = await enrolTerminal(url, b.code, 'Other till');
      const otherEvents = [
        await other.sign(
          enrol('mem_other', { name: 'Other', email: 'o@example.com', marketing: true }),
          at(11, 24, 8),
        ),
        await other.sign(stamp('mem_other', 1), at(11, 24, 8, 1)),
      ];
      expect((await other.request('POST', '/v1/events', { events: otherEvents })).status).toBe(200);

      const adminA = await createAdmin(store, tenantA, 'Anna', NOW);
      const adminB = await createAdmin(store, b.tenant.id, 'bob', NOW);
      if (!adminA.ok || !adminB.ok) throw new Error('admins');
      passwordA = adminA.value.password;
      passwordB = adminB.value.password;
    });

    afterEach(async () => {
      await close();
      await opened.dispose();
    });

    const signedIn = async (username = 'anna', password = passwordA) => {
      const c = client(url);
      const answer = await c.request('POST', '/v1/hq/login', { username, password });
      expect(answer.status, answer.text).toBe(200);
      return c;
    };

    it('logs in with a session cookie, knows the session, logs out; no session is a 401', async () => {
      const c = client(url);
      expect(errorCode(await c.request('GET', '/v1/hq/session'))).toEqual({
        status: 401,
        code: 'unauthorized',
      });
      expect(errorCode(await c.request('GET', '/v1/reports/kpis'))).toEqual({
        status: 401,
        code: 'unauthorized',
      });
      expect(errorCode(await c.request('GET', '/v1/hq/terminals'))).toEqual({
        status: 401,
        code: 'unauthorized',
      });
      expect(errorCode(await c.request('GET', '/v1/reports/segments/lapsed.csv'))).toEqual({
        status: 401,
        code: 'unauthorized',
      });

      const login = await c.request('POST', '/v1/hq/login', {
        username: ' ANNA ',
        password: passwordA,
      });
      expect(login.status).toBe(200);
      expect(sessionResponseSchema.parse(login.json())).toEqual({
        username: 'anna',
        tenant: tenantA,
        tenantName: 'Café Nord',
      });
      const cookie = login.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(
        /^treu_hq=[A-Za-z0-9_-]{43}; Max-Age=43200; Path=\/; HttpOnly; SameSite=Strict$/,
      );
      expect(login.headers.get('cache-control')).toBe('no-store');
      expect((await c.request('GET', '/v1/hq/session')).status).toBe(200);

      const kept = c.cookie;
      expect((await c.request('POST', '/v1/hq/logout')).status).toBe(204);
      expect(c.cookie).toBeUndefined();
      c.cookie = kept; // the old cookie, replayed, opens nothing
      expect(errorCode(await c.request('GET', '/v1/hq/session'))).toEqual({
        status: 401,
        code: 'unauthorized',
      });
    });

    it('ends a session after 12 hours', async () => {
      const c = await signedIn();
      nowMs = NOW + 12 * 60 * 60 * 1000;
      expect(errorCode(await c.request('GET', '/v1/hq/session'))).toEqual({
        status: 401,
        code: 'unauthorized',
      });
    });

    it('refuses a wrong password with a clear 401, and pauses a name after five', async () => {
      const c = client(url);
      const wrong = await c.request('POST', '/v1/hq/login', {
        username: 'anna',
        password: 'guess',
      });
      expect(errorCode(wrong)).toEqual({ status: 401, code: 'wrong_password' });
      expect(wrong.text).toContain('4 tries left');
      expect(wrong.headers.get('set-cookie')).toBeNull();
      const unknown = await c.request('POST', '/v1/hq/login', {
        username: 'nobody',
        password: 'guess',
      });
      expect(errorCode(unknown)).toEqual({ status: 401, code: 'wrong_password' });
      for (let i = 0; i < 4; i++)
        await c.request('POST', '/v1/hq/login', { username: 'anna', password: `guess${i}` });
      // Locked: even the right password is not checked now.
      const locked = await c.request('POST', '/v1/hq/login', {
        username: 'anna',
        password: passwordA,
      });
      expect(errorCode(locked)).toEqual({ status: 429, code: 'too_many_attempts' });
      expect(locked.headers.get('retry-after')).toBe(String(ATTEMPT_WINDOW_MS / 1000));
      expect(c.cookie).toBeUndefined();
      // Another name is not locked by anna's failures.
      expect(
        (await c.request('POST', '/v1/hq/login', { username: 'bob', password: passwordB })).status,
      ).toBe(200);
      nowMs = NOW + ATTEMPT_WINDOW_MS;
      expect(
        (await c.request('POST', '/v1/hq/login', { username: 'anna', password: passwordA })).status,
      ).toBe(200);
      // The right password cleared the count.
      const again = await c.request('POST', '/v1/hq/login', { username: 'anna', password: 'x' });
      expect(again.text).toContain('4 tries left');
    });

    it('checks at most five of many parallel wrong passwords and refuses the rest', async () => {
      const c = client(url);
      const answers = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          c.request('POST', '/v1/hq/login', { username: 'anna', password: `guess${i}` }),
        ),
      );
      const statuses = answers.map((a) => errorCode(a));
      const checked = statuses.filter((s) => s.status === 401);
      const refused = answers.filter((a) => a.status === 429);
      expect(checked).toHaveLength(MAX_ATTEMPTS);
      expect(checked.every((s) => s.code === 'wrong_password')).toBe(true);
      expect(refused).toHaveLength(40 - checked.length);
      for (const answer of refused) {
        expect(errorCode(answer).code).toBe('too_many_attempts');
        expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
      }
      // The right password is not even checked until the window has passed.
      nowMs = NOW + ATTEMPT_WINDOW_MS - 1000;
      const locked = await c.request('POST', '/v1/hq/login', {
        username: 'anna',
        password: passwordA,
      });
      expect(errorCode(locked)).toEqual({ status: 429, code: 'too_many_attempts' });
      expect(locked.headers.get('retry-after')).toBe('1');
      nowMs = NOW + ATTEMPT_WINDOW_MS;
      expect(
        (await c.request('POST', '/v1/hq/login', { username: 'anna', password: passwordA })).status,
      ).toBe(200);
    });

    it('refuses bad input with a 400 in words, and calls from another origin', async () => {
      const c = await signedIn();
      const badPeriod = await c.request('GET', '/v1/reports/kpis?period=year');
      expect(errorCode(badPeriod)).toEqual({ status: 400, code: 'invalid_query' });
      expect(badPeriod.text).toContain('period');
      const noDates = await c.request('GET', '/v1/reports/kpis?period=custom&from=2026-11-01');
      expect(errorCode(noDates)).toEqual({ status: 400, code: 'invalid_query' });
      expect(noDates.text).toContain('custom period needs from and to');
      const backwards = await c.request(
        'GET',
        '/v1/reports/kpis?period=custom&from=2026-11-10&to=2026-11-01',
      );
      expect(backwards.text).toContain('must not be before from');
      const impossible = await c.request(
        'GET',
        '/v1/reports/kpis?period=custom&from=2026-02-30&to=2026-03-02',
      );
      expect(errorCode(impossible)).toEqual({ status: 400, code: 'invalid_query' });
      expect(impossible.text).toContain('from: must be a real date');
      const impossibleTo = await c.request(
        'GET',
        '/v1/reports/segments/champions.csv?period=custom&from=2026-04-01&to=2026-04-31',
      );
      expect(errorCode(impossibleTo)).toEqual({ status: 400, code: 'invalid_query' });
      expect(impossibleTo.text).toContain('to: must be a real date');
      expect(errorCode(await c.request('GET', '/v1/reports/segments/lapsed.csv?days=0'))).toEqual({
        status: 400,
        code: 'invalid_query',
      });
      expect(errorCode(await c.request('GET', '/v1/reports/kpis?extra=1'))).toEqual({
        status: 400,
        code: 'invalid_query',
      });
      expect(errorCode(await c.request('POST', '/v1/hq/login', { username: 'anna' }))).toEqual({
        status: 400,
        code: 'invalid_body',
      });
      const malformed = await fetch(new URL('/v1/hq/login', url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"username":',
      });
      expect(malformed.status).toBe(400);
      expect(errorCode(await c.request('POST', '/v1/hq/terminals/not-an-id/revoke'))).toEqual({
        status: 400,
        code: 'invalid_query',
      });
      const foreign = await c.request(
        'POST',
        `/v1/hq/terminals/${north.enrolment.terminal}/revoke`,
        undefined,
        {
          origin: 'http://evil.example',
        },
      );
      expect(errorCode(foreign)).toEqual({ status: 403, code: 'forbidden_origin' });
      expect((await store.terminal(north.enrolment.terminal))?.revokedMs).toBeUndefined();
    });

    it('reports the week’s KPIs overall and per store as worked out by hand', async () => {
      const c = await signedIn();
      const answer = await c.request('GET', '/v1/reports/kpis?period=week');
      expect(answer.status, answer.text).toBe(200);
      const kpis = kpisResponseSchema.parse(answer.json());
      expect(kpis.period).toEqual({
        kind: 'week',
        from: '2026-11-18',
        to: '2026-11-24',
        fromMs: Date.UTC(2026, 10, 17, 23),
        toMs: Date.UTC(2026, 10, 24, 23),
        timeZone: 'Europe/Berlin',
      });
      // Visits in the week: jonas 11-20, 11-22, 11-24 (11-21 voided); lea twice on 11-23.
      // Customers at the start: mia, finn, ole, lea (4); at the end those and jonas (5),
      // of whom jonas is new: retention (5 − 1) ÷ 4 = 100 %.
      expect(kpis.overall).toEqual({
        membersEnrolled: 1,
        activeMembers: 2,
        retentionRate: 100,
        repeatVisitRate: 50,
        redemptionRate: 500,
        stampsEarned: 4,
        stampsRedeemed: 20,
        redemptions: 2,
        overdrafts: 1,
        perDay: [
          { date: '2026-11-18', stamps: 0, redemptions: 0 },
          { date: '2026-11-19', stamps: 0, redemptions: 0 },
          { date: '2026-11-20', stamps: 2, redemptions: 0 },
          { date: '2026-11-21', stamps: 0, redemptions: 0 },
          { date: '2026-11-22', stamps: 1, redemptions: 0 },
          { date: '2026-11-23', stamps: 0, redemptions: 2 },
          { date: '2026-11-24', stamps: 1, redemptions: 0 },
        ],
      });
      expect(kpis.stores.map((s) => [s.id, s.name])).toEqual([
        [storeNorth, 'Café Nord main street'],
        [storeSouth, 'South'],
      ]);
      const [northKpis, southKpis] = kpis.stores.map((s) => s.kpis);
      // North: jonas (11-20, 11-24) and lea's overdraft; customers at start mia, finn, ole (3),
      // at the end those, jonas and lea (5), jonas new and enrolled here: (5 − 1) ÷ 3.
      expect(northKpis).toMatchObject({
        membersEnrolled: 1,
        activeMembers: 2,
        repeatVisitRate: 50,
        stampsEarned: 3,
        stampsRedeemed: 10,
        redemptions: 1,
        overdrafts: 1,
      });
      expect(northKpis?.retentionRate).toBeCloseTo(400 / 3, 10);
      // South: jonas 11-22 and lea's redemption; customers at start lea (1), at the end lea
      // and jonas (2), no one enrolled here: 2 ÷ 1.
      expect(southKpis).toMatchObject({
        membersEnrolled: 0,
        activeMembers: 2,
        retentionRate: 200,
        repeatVisitRate: 0,
        stampsEarned: 1,
        stampsRedeemed: 10,
        redemptions: 1,
        overdrafts: 0,
      });

      const today = kpisResponseSchema.parse(
        (await c.request('GET', '/v1/reports/kpis?period=today')).json(),
      );
      expect(today.overall.perDay).toEqual([{ date: '2026-11-24', stamps: 1, redemptions: 0 }]);
      const custom = kpisResponseSchema.parse(
        (
          await c.request('GET', '/v1/reports/kpis?period=custom&from=2026-11-01&to=2026-11-01')
        ).json(),
      );
      expect(custom.overall).toMatchObject({
        membersEnrolled: 1,
        stampsEarned: 10,
        activeMembers: 1,
      });
    });

    it('reads the ledger once for a dashboard load, and reads again once events land', async () => {
      let reads = 0;
      // The stores are plain objects of closures: a copy with one method counted works alike.
      const counting: ServerStore = {
        ...store,
        eventsAfter: (...args) => {
          reads += 1;
          return store.eventsAfter(...args);
        },
      };
      // A second instance on the same store: events pushed through the first one count.
      const second = buildSyncServer({ store: counting, now: () => nowMs });
      const secondUrl = await second.listen({ port: 0, host: '127.0.0.1' });
      try {
        const c = client(secondUrl);
        expect(
          (await c.request('POST', '/v1/hq/login', { username: 'anna', password: passwordA }))
            .status,
        ).toBe(200);
        const [kpis, overdrafts] = await Promise.all([
          c.request('GET', '/v1/reports/kpis?period=week'),
          c.request('GET', '/v1/reports/overdrafts?period=week'),
        ]);
        expect([kpis.status, overdrafts.status]).toEqual([200, 200]);
        expect(reads).toBe(1);
        expect(kpisResponseSchema.parse(kpis.json()).overall.stampsEarned).toBe(4);

        const push = await north.request('POST', '/v1/events', {
          events: [await north.sign(stamp('mem_jonas', 1), at(11, 24, 10))],
        });
        expect(push.status).toBe(200);
        const after = kpisResponseSchema.parse(
          (await c.request('GET', '/v1/reports/kpis?period=week')).json(),
        );
        expect(after.overall.stampsEarned).toBe(5);
        expect(reads).toBe(2);
      } finally {
        await second.close();
      }
    });

    it('lists the overdrafts across stores with names', async () => {
      const c = await signedIn();
      const answer = overdraftsResponseSchema.parse(
        (await c.request('GET', '/v1/reports/overdrafts?period=month')).json(),
      );
      expect(answer.overdrafts).toHaveLength(1);
      expect(answer.overdrafts[0]).toMatchObject({
        atMs: at(11, 23, 11),
        store: storeNorth,
        storeName: 'Café Nord main street',
        terminal: north.enrolment.terminal,
        terminalName: 'North till',
        member: 'mem_lea',
        memberName: '=SUM(1,2)',
        reward: 'Free coffee',
        cost: 10,
        balanceBefore: 0,
      });
      const south = overdraftsResponseSchema.parse(
        (await c.request('GET', `/v1/reports/overdrafts?period=month&store=${storeSouth}`)).json(),
      );
      expect(south.overdrafts).toEqual([]);
    });

    it('exports the lapsed and the champions as CSV, as worked out by hand', async () => {
      const c = await signedIn();
      const lapsed = await c.request('GET', '/v1/reports/segments/lapsed.csv?days=30');
      expect(lapsed.status, lapsed.text).toBe(200);
      expect(lapsed.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(lapsed.headers.get('content-disposition')).toBe(
        'attachment; filename="treu-lapsed-30-days-2026-11-24.csv"',
      );
      // fetch's text() drops the BOM; the bytes keep it (checked in test/shared/csv.test.ts).
      expect(lapsed.text).toBe(
        'member,name,email,phone,last_visit,visits\r\nmem_mia,Mia Sommer,mia@example.com,,2026-10-01T09:01:00.000Z,1\r\n',
      );
      const none = await c.request('GET', '/v1/reports/segments/lapsed.csv?days=60');
      expect(none.text).toBe('member,name,email,phone,last_visit,visits\r\n');

      const champions = await c.request('GET', '/v1/reports/segments/champions.csv?period=week');
      expect(champions.status, champions.text).toBe(200);
      expect(champions.text).toBe(
        'rank,member,name,email,phone,visits,stamps,last_visit\r\n' +
          '1,mem_jonas,Jonas Berg,,,3,4,2026-11-24T09:00:00.000Z\r\n' +
          `2,mem_lea,"'=SUM(1,2)",lea@example.com,,2,0,2026-11-23T11:00:00.000Z\r\n`,
      );
      const top = await c.request(
        'GET',
        `/v1/reports/segments/champions.csv?period=week&limit=1&store=${storeSouth}`,
      );
      // South alone: jonas 1 visit, 1 stamp; lea 1 visit, 0 stamps.
      expect(top.text.split('\r\n')[1]).toBe(
        '1,mem_jonas,Jonas Berg,,,1,1,2026-11-22T10:00:00.000Z',
      );
      expect(top.text.split('\r\n')).toHaveLength(3);
    });

    it('lists terminals with store and last sync, and a revoked terminal’s next push is refused', async () => {
      const c = await signedIn();
      nowMs = NOW + 60_000;
      const listed = terminalsResponseSchema.parse(
        (await c.request('GET', '/v1/hq/terminals')).json(),
      );
      expect(
        listed.terminals.map((t) => [t.name, t.storeName, t.lastSyncMs, t.revokedMs]).sort(),
      ).toEqual([
        ['North till', 'Café Nord main street', NOW, null],
        ['South till', 'South', NOW, null],
      ]);
      const revoked = await c.request(
        'POST',
        `/v1/hq/terminals/${south.enrolment.terminal}/revoke`,
      );
      expect(revoked.status, revoked.text).toBe(200);
      expect(revokeResponseSchema.parse(revoked.json()).terminal).toMatchObject({
        name: 'South till',
        revokedMs: NOW + 60_000,
      });
      const after = terminalsResponseSchema.parse(
        (await c.request('GET', '/v1/hq/terminals')).json(),
      );
      expect(after.terminals.find((t) => t.id === south.enrolment.terminal)?.revokedMs).toBe(
        NOW + 60_000,
      );

      const push = await south.request('POST', '/v1/events', {
        events: [await south.sign(stamp('mem_jonas', 1), NOW)],
      });
      expect(push.status).toBe(403);
      expect(push.body).toMatchObject({ error: { code: 'terminal_revoked' } });
      // North goes on syncing.
      expect((await north.request('GET', '/v1/events')).status).toBe(200);
    });

    it('never shows or touches another tenant’s data', async () => {
      const a = await signedIn();
      const b = await signedIn('bob', passwordB);
      const terminalsB = terminalsResponseSchema.parse(
        (await b.request('GET', '/v1/hq/terminals')).json(),
      );
      expect(terminalsB.terminals.map((t) => t.name)).toEqual(['Other till']);
      const kpisB = kpisResponseSchema.parse(
        (await b.request('GET', '/v1/reports/kpis?period=week')).json(),
      );
      expect(kpisB.overall).toMatchObject({
        membersEnrolled: 1,
        activeMembers: 1,
        stampsEarned: 1,
        overdrafts: 0,
      });
      expect(kpisB.stores.map((s) => s.id)).toEqual([storeOther]);
      expect((await b.request('GET', '/v1/reports/overdrafts?period=month')).text).not.toContain(
        'mem_lea',
      );
      expect(
        (await b.request('GET', '/v1/reports/segments/champions.csv?period=week')).text,
      ).not.toContain('jonas');

      const kpisA = kpisResponseSchema.parse(
        (await a.request('GET', '/v1/reports/kpis?period=week')).json(),
      );
      expect(kpisA.stores.map((s) => s.id)).not.toContain(storeOther);
      expect((await a.request('GET', '/v1/reports/segments/lapsed.csv?days=1')).text).not.toContain(
        'mem_other',
      );
      expect(errorCode(await a.request('GET', `/v1/reports/kpis?store=${storeOther}`))).toEqual({
        status: 404,
        code: 'not_found',
      });
      expect(
        errorCode(await a.request('POST', `/v1/hq/terminals/${other.enrolment.terminal}/revoke`)),
      ).toEqual({
        status: 404,
        code: 'not_found',
      });
      expect((await store.terminal(other.enrolment.terminal))?.revokedMs).toBeUndefined();
      expect((await other.request('GET', '/v1/events')).status).toBe(200);
    });

    it('sends /hq to the page by a relative address, which works behind a path prefix', async () => {
      const answer = await client(url).request('GET', '/hq');
      expect(answer.status).toBe(302);
      expect(answer.headers.get('location')).toBe('hq.html');
      expect(new URL('hq.html', 'https://example.com/treu/hq').pathname).toBe('/treu/hq.html');
    });

    it('answers no other origin on HQ’s calls; the terminal’s calls stay open to any', async () => {
      const foreign = { origin: 'http://evil.example' };
      const preflight = (path: string) =>
        fetch(new URL(path, url), {
          method: 'OPTIONS',
          headers: {
            ...foreign,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'content-type',
          },
        });
      const c = await signedIn();
      for (const path of [
        '/v1/hq/session',
        '/v1/hq/terminals',
        '/v1/reports/kpis',
        '/v1/reports/overdrafts',
        '/v1/reports/segments/lapsed.csv',
      ]) {
        const answer = await c.request('GET', path, undefined, foreign);
        expect(answer.status, path).toBe(200);
        expect(answer.headers.get('access-control-allow-origin'), path).toBeNull();
      }
      for (const path of ['/v1/hq/login', '/v1/hq/logout', '/v1/reports/kpis']) {
        const answer = await preflight(path);
        expect(answer.headers.get('access-control-allow-origin'), path).toBeNull();
        expect(answer.headers.get('access-control-allow-methods'), path).toBeNull();
      }
      for (const path of ['/v1/terminals', '/v1/events', '/v1/snapshot']) {
        const answer = await fetch(new URL(path, url), { headers: foreign });
        expect(answer.headers.get('access-control-allow-origin'), path).toBe('*');
        expect((await preflight(path)).headers.get('access-control-allow-origin'), path).toBe('*');
      }
    });

    it('marks the session cookie Secure behind an HTTPS proxy the server is told to trust', async () => {
      const viaProxy = {
        'x-forwarded-proto': 'https',
        'x-forwarded-host': 'hq.example.com',
        origin: 'https://hq.example.com',
      };
      const login = { username: 'anna', password: passwordA };
      const direct = await client(url).request('POST', '/v1/hq/login', login, {
        'x-forwarded-proto': 'https',
      });
      // Not told to trust a proxy: a client's X-Forwarded-Proto proves nothing.
      expect(direct.headers.get('set-cookie')).not.toContain('Secure');
      const proxied = buildSyncServer({ store, now: () => nowMs, trustProxy: true });
      const proxiedUrl = await proxied.listen({ port: 0, host: '127.0.0.1' });
      try {
        const answer = await client(proxiedUrl).request('POST', '/v1/hq/login', login, viaProxy);
        expect(answer.status, answer.text).toBe(200);
        expect(answer.headers.get('set-cookie')).toMatch(/; Secure$/);
        const out = await client(proxiedUrl).request('POST', '/v1/hq/logout', undefined, viaProxy);
        expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0;.*; Secure$/);
      } finally {
        await proxied.close();
      }
    });
  });
}

describeHq(sqliteKind);
const postgres = postgresKind();
if (postgres.missing === undefined) {
  beforeAll(() => postgres.setUp());
  afterAll(() => postgres.tearDown());
  describeHq(postgres);
} else {
  describe('HQ on PostgreSQL', () => {
    it.skip(`skipped: ${postgres.missing}`, () => undefined);
  });
}
