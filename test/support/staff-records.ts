/** Staff records and audit entries for the staff sync tests, with an invented PIN hash. */
import { versionAt } from './versions';
import type { StaffAuditEntry, StaffRecord } from '../../shared/sync/staff-protocol';

/** A well-formed PBKDF2 hash of no PIN anyone knows. */
export const TEST_PIN_HASH = {
  algorithm: 'PBKDF2-SHA256',
  iterations: 600_000,
  salt: 'c2FsdHNhbHRzYWx0c2FsdA',
  hash: 'aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g',
} as const;

export const staffRecord = (
  id: string,
  atMs: number,
  overrides: Partial<StaffRecord> = {},
): StaffRecord => ({
  id,
  name: `Person ${id}`,
  role: 'cashier',
  pin: TEST_PIN_HASH,
  createdMs: atMs,
  changedAt: versionAt(atMs),
  ...overrides,
});

/** The n-th "added as cashier" entry, `n` ms after `atMs`. */
export const addedEntry = (
  n: number,
  atMs: number,
  overrides: Partial<StaffAuditEntry> = {},
): StaffAuditEntry => ({
  id: `0193a1f4-7c3e-7b2a-9d41-${String(n).padStart(12, '0')}`,
  atMs: atMs + n,
  by: 'stf_boss',
  staff: `stf_p${n}`,
  change: 'added',
  role: 'cashier',
  ...overrides,
});
