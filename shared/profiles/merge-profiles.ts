/**
 * How two versions of one member's profile become one, on the server and on every
 * terminal alike, whatever the order they meet in:
 * - per field, the value with the newer version wins (plain code-unit order of the clock
 *   strings; equal versions with different values, which one clock never makes, are
 *   settled by the value itself);
 * - the consent history is the union of both, by entry id, in clock order;
 * - an erasure wins over everything, whenever it was made: the merged record keeps only
 *   the earliest erasure time, so an edit made offline on another terminal never brings
 *   an erased member's data back.
 *
 * Each rule is a maximum, a union or a minimum, so the merge is commutative, associative
 * and idempotent (test/shared/profile-merge.property.test.ts).
 */
import { canonicalJson } from '../ledger/canonical-json';
import type { ProfileFieldName } from './profile-fields';
import { PROFILE_FIELDS } from './profile-fields';
import type { ConsentEntry, ProfileRecord } from './profile-record';

type Versioned = { readonly value: string | null; readonly changedAt: string };

function newerField(a: Versioned | undefined, b: Versioned | undefined): Versioned | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  if (a.changedAt !== b.changedAt) return a.changedAt > b.changedAt ? a : b;
  return (a.value ?? '') >= (b.value ?? '') ? a : b;
}

const byClockThenId = (a: ConsentEntry, b: ConsentEntry) =>
  a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** One entry per id (the same id twice is the same entry), in clock order. */
function unionOfConsents(a: readonly ConsentEntry[], b: readonly ConsentEntry[]): ConsentEntry[] {
  const byId = new Map<string, ConsentEntry>();
  for (const entry of [...a, ...b]) {
    const held = byId.get(entry.id);
    // One id is one entry; should two ever differ, the same one wins on every replica
    // (canonical JSON: the order the fields were written in plays no part).
    if (held === undefined || canonicalJson(entry) > canonicalJson(held)) byId.set(entry.id, entry);
  }
  return [...byId.values()].sort(byClockThenId);
}

function earliest(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a < b ? a : b;
}

/** The record as an erased one: the member and when, nothing else. */
export const erasedProfile = (member: string, erasedAt: string): ProfileRecord => ({
  member,
  fields: {},
  consents: [],
  erasedAt,
});

/** Merges two versions of the same member's profile (`b` may be missing). */
export function mergeProfiles(a: ProfileRecord, b: ProfileRecord | undefined): ProfileRecord {
  if (b !== undefined && b.member !== a.member)
    throw new Error(`Profiles of ${a.member} and ${b.member} cannot be merged.`);
  const erasedAt = earliest(a.erasedAt, b?.erasedAt);
  if (erasedAt !== undefined) return erasedProfile(a.member, erasedAt);
  const fields: Partial<Record<ProfileFieldName, Versioned>> = {};
  for (const field of PROFILE_FIELDS) {
    const newer = newerField(a.fields[field], b?.fields[field]);
    if (newer !== undefined) fields[field] = newer;
  }
  return {
    member: a.member,
    fields,
    consents: unionOfConsents(a.consents, b?.consents ?? []),
  };
}
