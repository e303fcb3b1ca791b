/**
 * Migration 4 gives the events stored before it their clock and account, read from their
 * bodies, so that a store that was running before it reads them in account order too.
 * On both stores: the first three migrations, events stored as they were stored then,
 * then the store opened as a server opens it.
 */
import Database from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/ledger/canonical-json';
import type { LedgerEvent } from '../../shared/ledger/envelope';
import { POSTGRES_MIGRATIONS } from '../../server/store/postgres-migrations';
import { openPostgresStore } from '../../server/store/postgres-store';
import { ACCOUNT_ORDER_START, type ServerStore } from '../../server/store/server-store';
import { SQLITE_MIGRATIONS } from '../../server/store/sqlite-migrations';
import { openSqliteStore } from '../../server/store/sqlite-store';
import { coffeeLedger } from '../support/coffee-ledger';
import {
  POSTGRES_AVAILABLE,
  POSTGRES_MISSING_REASON,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from '../support/throwaway-postgres';

const T0 = Date.UTC(2026, 0, 5, 9);
const BEFORE_ACCOUNTS = 3;

function ledger(): LedgerEvent[] {
  const { a, enrol, stamp, publish } = coffeeLedger();
  return [
    publish(a, { earn: { per: 'visit', stamps: 1 }, rewards: [] }, T0),
    enrol(a, 'mem_ben', T0 + 1),
    stamp(a, 'mem_ben', 1, T0 + 2),
    enrol(a, 'mem_anna', T0 + 3),
    a.event('event.voided', { target: 'x', reason: 'cashier_undo' }, T0 + 4),
    stamp(a, 'mem_anna', 1, T0 + 5),
  ];
}

/** The rows as the first three migrations stored them: no clock, no account. */
const oldRows = (events: readonly LedgerEvent[]) =>
  events.map((event, i) => ({
    position: i + 1,
    id: event.id,
    terminal: event.terminal,
    seq: event.seq,
    body: canonicalJson(event),
  }));

async function expectAccountOrder(store: ServerStore, events: readonly LedgerEvent[]) {
  const [published, ben, benStamp, anna, voided, annaStamp] = events as [
    LedgerEvent,
    LedgerEvent,
    LedgerEvent,
    LedgerEvent,
    LedgerEvent,
    LedgerEvent,
  ];
  const read = await store.eventsInAccountOrder('ten_demo', 100, ACCOUNT_ORDER_START, 100);
  expect(read.map((row) => [row.account, row.hlc, row.id])).toEqual(
    [
      ['', published],
      ['', voided],
      ['mem_anna', anna],
      ['mem_anna', annaStamp],
      ['mem_ben', ben],
      ['mem_ben', benStamp],
    ].map(([account, event]) => [account, (event as LedgerEvent).hlc, (event as LedgerEvent).id]),
  );
}

describe('migration 4 on SQLite', () => {
  it('reads the clock and account of events stored before it from their bodies', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'treu-migration-'));
    const file = join(folder, 'treu.sqlite');
    const events = ledger();
    try {
      const db = new Database(file);
      for (const sql of SQLITE_MIGRATIONS.slice(0, BEFORE_ACCOUNTS)) db.exec(sql);
      db.pragma(`user_version = ${BEFORE_ACCOUNTS}`);
      db.prepare("INSERT INTO tenants (id, name, created_ms) VALUES ('ten_demo', 'Demo', 0)").run();
      const insert = db.prepare(
        `INSERT INTO events (tenant, position, id, terminal, seq, body)
         VALUES ('ten_demo', @position, @id, @terminal, @seq, @body)`,
      );
      for (const row of oldRows(events)) insert.run(row);
      db.close();
      const store = openSqliteStore(file);
      try {
        await expectAccountOrder(store, events);
      } finally {
        await store.close();
      }
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

if (POSTGRES_AVAILABLE) {
  describe('migration 4 on PostgreSQL', () => {
    let cluster: ThrowawayPostgres;
    beforeAll(async () => {
      cluster = await startThrowawayPostgres();
    });
    afterAll(() => {
      cluster.stop();
    });

    it('reads the clock and account of events stored before it from their bodies', async () => {
      const admin = new pg.Client({ connectionString: cluster.url });
      await admin.connect();
      await admin.query('CREATE DATABASE treu_migration');
      await admin.end();
      const url = cluster.url.replace(/\/postgres$/u, '/treu_migration');
      const events = ledger();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(
        'CREATE TABLE treu_migrations (number INT PRIMARY KEY, ran_ms BIGINT NOT NULL)',
      );
      for (const [i, sql] of POSTGRES_MIGRATIONS.slice(0, BEFORE_ACCOUNTS).entries()) {
        await client.query(sql);
        await client.query('INSERT INTO treu_migrations VALUES ($1, 0)', [i + 1]);
      }
      await client.query(
        "INSERT INTO tenants (id, name, created_ms) VALUES ('ten_demo', 'Demo', 0)",
      );
      for (const row of oldRows(events)) {
        await client.query(
          `INSERT INTO events (tenant, position, id, terminal, seq, body)
           VALUES ('ten_demo', $1, $2, $3, $4, $5)`,
          [row.position, row.id, row.terminal, row.seq, row.body],
        );
      }
      await client.end();
      const store = await openPostgresStore(url);
      try {
        await expectAccountOrder(store, events);
      } finally {
        await store.close();
      }
    });
  });
} else {
  describe('migration 4 on PostgreSQL', () => {
    it.skip(`skipped: ${POSTGRES_MISSING_REASON}`, () => undefined);
  });
}
