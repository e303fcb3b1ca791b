/** The two segment exports as CSV: one row per member, times in ISO 8601 (UTC). */
import type { ChampionMember, SegmentMember } from '../../shared/kpi/segments';
import { toCsv } from '../../shared/csv';

const iso = (ms: number) => new Date(ms).toISOString();

export const lapsedCsv = (members: readonly SegmentMember[]): string =>
  toCsv([
    ['member', 'name', 'email', 'phone', 'last_visit', 'visits'],
    ...members.map((m) => [m.member, m.name, m.email, m.phone, iso(m.lastVisitMs), m.visits]),
  ]);

export const championsCsv = (members: readonly ChampionMember[]): string =>
  toCsv([
    ['rank', 'member', 'name', 'email', 'phone', 'visits', 'stamps', 'last_visit'],
    ...members.map((m) => [
      m.rank,
      m.member,
      m.name,
      m.email,
      m.phone,
      m.visits,
      m.stamps,
      iso(m.lastVisitMs),
    ]),
  ]);
