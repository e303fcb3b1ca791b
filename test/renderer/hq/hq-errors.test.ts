/**
 * HQ's failures in the owner's language: every error code the server sends has words in
 * English and German, the server's English sentence showing only for a code HQ does not
 * know; and the first custom period's dates are the stores' day, not the UTC day.
 */
import { describe, expect, it } from 'vitest';
import { HQ_ERROR_CODES } from '../../../shared/sync/hq-protocol';
import { hqMessages } from '../../../renderer/i18n/areas/hq';
import type { HqFailure } from '../../../renderer/hq/hq-api';
import { describeHqFailure } from '../../../renderer/hq/hq-errors';
import { initialPeriod } from '../../../renderer/hq/PeriodPicker';

const SERVER_SENTENCE = 'An English sentence from the server.';
const refused = (code: string, extra: Partial<HqFailure> = {}): HqFailure => ({
  kind: 'refused',
  status: 400,
  code,
  message: SERVER_SENTENCE,
  ...extra,
});

describe('HQ’s failures in words', () => {
  it('has words of its own for every error code, in English and in German', () => {
    for (const code of [...HQ_ERROR_CODES, 'unreadable']) {
      const en = describeHqFailure(refused(code), hqMessages.en);
      const de = describeHqFailure(refused(code), hqMessages.de);
      expect(en, code).not.toContain(SERVER_SENTENCE);
      expect(de, code).not.toContain(SERVER_SENTENCE);
      expect(en.length, code).toBeGreaterThan(10);
      expect(de, code).not.toBe(en);
    }
    expect(describeHqFailure(refused('wrong_password'), hqMessages.de)).toBe(
      'Benutzername oder Passwort ist falsch.',
    );
  });

  it('says how long to wait after too many attempts, from Retry-After', () => {
    const locked = refused('too_many_attempts', { status: 429, retryAfterSeconds: 600 });
    expect(describeHqFailure(locked, hqMessages.en)).toContain('Try again in 10 minutes.');
    expect(describeHqFailure(locked, hqMessages.de)).toContain('in 10 Minuten erneut');
    const soon = refused('too_many_attempts', { status: 429, retryAfterSeconds: 1 });
    expect(describeHqFailure(soon, hqMessages.en)).toContain('in 1 minute.');
  });

  it('shows the server’s sentence only as the detail of a code it does not know', () => {
    const unknown = refused('rate_limited', { status: 503 });
    expect(describeHqFailure(unknown, hqMessages.de)).toBe(
      `Der Server hat abgelehnt (HTTP 503). Server: ${SERVER_SENTENCE}`,
    );
  });

  it('says offline and signed out in the page’s language', () => {
    expect(describeHqFailure({ kind: 'offline' }, hqMessages.de)).toBe(hqMessages.de.networkError);
    expect(describeHqFailure({ kind: 'signed_out' }, hqMessages.en)).toBe(
      hqMessages.en.sessionEnded,
    );
  });
});

describe('the first period', () => {
  it('offers today in the stores’ calendar for custom dates, also just after midnight there', () => {
    // 23:30 UTC on 24 November is 00:30 on the 25th in Berlin (UTC+1).
    expect(initialPeriod(Date.UTC(2026, 10, 24, 23, 30))).toEqual({
      period: 'week',
      from: '2026-11-25',
      to: '2026-11-25',
    });
    // Summer time: 22:30 UTC on 1 July is 00:30 on the 2nd.
    expect(initialPeriod(Date.UTC(2026, 6, 1, 22, 30)).from).toBe('2026-07-02');
    expect(initialPeriod(Date.UTC(2026, 6, 1, 12)).from).toBe('2026-07-01');
  });
});
