/**
 * `GET` and `POST /v1/profiles` over real HTTP on SQLite: a terminal sends profile
 * changes and every terminal of the tenant pulls them by cursor; an erasure reaches a
 * terminal that pulls later as its tombstone only, never the data; another tenant never
 * sees them; a revoked terminal and a missing token are refused; and bad input is a 400
 * in words that stores nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServerStore } from '../../server/store/server-store';
import { erasedProfile } from '../../shared/profiles/merge-profiles';
import type { ProfileRecord } from '../../shared/profiles/profile-record';
import { profilePageSchema } from '../../shared/sync/profile-protocol';
import { errorBodySchema } from '../../shared/sync/protocol';
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
import { versionAt } from '../support/versions';

const NOW = Date.UTC(2026, 11, 7, 9);
const at = (ms: number, node = 'term_a') => versionAt(NOW + ms, 0, node);
const anna = (changedAt = at(-1000)): ProfileRecord => ({
  member: 'mem_anna',
  fields: {
    name: { value: 'Anna Berg', changedAt },
    phone: { value: '+49 30 1234567', changedAt },
  },
  consents: [
    {
      id: '0193a1f4-7c3e-7b2a-9d41-000000000001',
      marketing: true,
      at: changedAt,
      via: 'terminal',
    },
  ],
});

let setup: TwoTills;
let store: ServerStore;
let server: RunningServer;
let tillA: HttpTerminal;
let tillB: HttpTerminal;

beforeEach(async () => {
  setup = await twoTillsOfOneStore(NOW);
  ({ store, server } = setup);
  [tillA, tillB] = setup.tills;
});

afterEach(() => setup.close());

const pull = async (till: HttpTerminal, after?: string) => {
  const answer = await till.request('GET', `/v1/profiles${after ? `?after=${after}` : ''}`);
  expect(answer.status).toBe(200);
  return profilePageSchema.parse(answer.body);
};

describe('/v1/profiles', () => {
  it('takes one terminal’s changes and hands them to another by cursor', async () => {
    const pushed = await tillA.request('POST', '/v1/profiles', { profiles: [anna()] });
    expect(pushed).toEqual({ status: 200, body: { changed: 1 } });
    const first = await pull(tillB);
    expect(first.profiles).toEqual([anna()]);
    expect(first.more).toBe(false);
    const corrected: ProfileRecord = {
      ...anna(),
      fields: { phone: { value: '030 7654321', changedAt: at(-10, 'term_b') } },
      consents: [],
    };
    await tillB.request('POST', '/v1/profiles', { profiles: [corrected] });
    const next = await pull(tillA, first.cursor);
    expect(next.profiles).toHaveLength(1);
    expect(next.profiles[0]?.fields).toEqual({
      name: anna().fields.name,
      phone: { value: '030 7654321', changedAt: at(-10, 'term_b') },
    });
    expect(next.profiles[0]?.consents).toEqual(anna().consents);
    expect((await pull(tillA, next.cursor)).profiles).toEqual([]);
  });

  it('hands a terminal that pulls after an erasure the tombstone, never the data', async () => {
    await tillA.request('POST', '/v1/profiles', { profiles: [anna()] });
    await tillA.request('POST', '/v1/profiles', { profiles: [erasedProfile('mem_anna', at(-5))] });
    // An edit from a terminal that was offline arrives after the erasure: it loses.
    const late = await tillB.request('POST', '/v1/profiles', { profiles: [anna(at(-1))] });
    expect(late).toEqual({ status: 200, body: { changed: 0 } });
    const page = await pull(tillB);
    expect(page.profiles).toEqual([erasedProfile('mem_anna', at(-5))]);
    expect(JSON.stringify(page)).not.toMatch(/Anna|1234567/u);
  });

  it('never shows another tenant’s profiles', async () => {
    await tillA.request('POST', '/v1/profiles', { profiles: [anna()] });
    const stranger = await enrolTerminal(
      server.url,
      (await tenantWithCode(store, 'Süd', NOW)).code,
    );
    expect((await pull(stranger)).profiles).toEqual([]);
  });

  it('refuses a revoked terminal and a missing token, taking nothing', async () => {
    await store.revokeTerminal(tillA.enrolment.terminal, NOW);
    const push = await tillA.request('POST', '/v1/profiles', { profiles: [anna()] });
    expect(errorOf(push)).toEqual({ status: 403, code: 'terminal_revoked' });
    expect(errorOf(await call(server.url, 'GET', '/v1/profiles'))).toEqual({
      status: 401,
      code: 'unauthorized',
    });
    expect((await pull(tillB)).profiles).toEqual([]);
  });

  it('answers bad input with a 400 that names the field, storing nothing', async () => {
    const cases: [unknown, RegExp][] = [
      [{ profiles: [{ ...anna(), member: 'anna' }] }, /profiles\.0\.member/u],
      [
        { profiles: [{ ...anna(), fields: { phone: { value: 'call me', changedAt: at(0) } } }] },
        /profiles\.0\.fields\.phone\.value: must be a phone number/u,
      ],
      [
        { profiles: [{ ...anna(), fields: { birthday: { value: '02-30', changedAt: at(0) } } }] },
        /birthday\.value: is not a calendar day/u,
      ],
      [{ profiles: [{ ...anna(), extra: 1 }] }, /extra/u],
      [{ profiles: 'none' }, /profiles/u],
      [{ profiles: [anna(at(10 * 60_000))] }, /10 minutes ahead of the server's clock/u],
    ];
    for (const [body, message] of cases) {
      const answer = await tillA.request('POST', '/v1/profiles', body);
      expect(errorOf(answer), JSON.stringify(body)).toEqual({ status: 400, code: 'invalid_body' });
      expect(errorBodySchema.parse(answer.body).error.message).toMatch(message);
    }
    const badQuery = await tillA.request('GET', '/v1/profiles?after=-1');
    expect(errorOf(badQuery)).toEqual({ status: 400, code: 'invalid_query' });
    const ahead = await tillA.request('GET', '/v1/profiles?after=99');
    expect(errorOf(ahead)).toEqual({ status: 409, code: 'cursor_ahead' });
    expect(await store.newestProfilePosition(tillA.enrolment.tenant)).toBe(0);
  });
});
