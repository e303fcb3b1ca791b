/**
 * Merging versions of one member's profile, as every replica does whatever order they
 * meet in: per field the newer value, the union of the consent history, and an erasure
 * that wins over every edit. Properties over random versions (fixed seed), then examples.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { versionAt } from '../support/versions';
import { erasedProfile, mergeProfiles } from '../../shared/profiles/merge-profiles';
import {
  hasMarketingConsent,
  profileRecordSchema,
  profileValue,
  type ConsentEntry,
  type ProfileRecord,
} from '../../shared/profiles/profile-record';

const MEMBER = 'mem_anna';
const at = (ms: number, node = 'term_a') => versionAt(ms, 0, node);
const consentId = (n: number) => `0193a1f4-7c3e-7b2a-9d41-${String(n).padStart(12, '0')}`;
const consent = (n: number, marketing: boolean, ms: number): ConsentEntry => ({
  id: consentId(n),
  marketing,
  at: at(ms),
  via: 'terminal',
});

const clock = fc
  .record({ ms: fc.integer({ min: 1, max: 40 }), node: fc.constantFrom('term_a', 'term_b') })
  .map(({ ms, node }) => at(ms, node));
const field = (values: readonly (string | null)[]) =>
  fc.option(fc.record({ value: fc.constantFrom(...values), changedAt: clock }), { nil: undefined });
const version: fc.Arbitrary<ProfileRecord> = fc
  .record({
    name: field(['Anna Berg', 'Anna Berg-Kranz', null]),
    phone: field(['+49 30 1234567', '030 7654321', null]),
    email: field(['anna@example.com', null]),
    birthday: field(['03-14', '1990-03-14']),
    consents: fc.array(
      fc
        .record({ n: fc.integer({ min: 1, max: 8 }), ms: fc.integer({ min: 1, max: 40 }) })
        // An entry is made once: its id decides its content.
        .map(({ n }) => consent(n, n % 2 === 0, n * 5)),
      { maxLength: 4 },
    ),
    erasedAt: fc.option(clock, { freq: 5, nil: undefined }),
  })
  .map(({ name, phone, email, birthday, consents, erasedAt }) => ({
    member: MEMBER,
    fields: {
      ...(name === undefined ? {} : { name }),
      ...(phone === undefined ? {} : { phone }),
      ...(email === undefined ? {} : { email }),
      ...(birthday === undefined ? {} : { birthday }),
    },
    consents,
    ...(erasedAt === undefined ? {} : { erasedAt }),
  }));

const mergeAll = (versions: readonly ProfileRecord[]) =>
  versions.reduce<ProfileRecord | undefined>((held, next) => mergeProfiles(next, held), undefined);

describe('mergeProfiles, as properties', () => {
  const runs = { numRuns: 1_000, seed: 20261207 };

  it('gives the same record in any order of arrival (commutative and associative)', () => {
    fc.assert(
      fc.property(fc.array(version, { minLength: 1, maxLength: 6 }), fc.nat(), (list, seed) => {
        const shuffled = [...list].sort(
          (x, y) =>
            ((JSON.stringify(x).length * seed) % 7) - ((JSON.stringify(y).length * seed) % 7),
        );
        expect(mergeAll(shuffled)).toEqual(mergeAll(list));
        expect(mergeAll([...list].reverse())).toEqual(mergeAll(list));
      }),
      runs,
    );
  });

  it('changes nothing when a version meets itself again (idempotent)', () => {
    fc.assert(
      fc.property(version, version, (a, b) => {
        const merged = mergeProfiles(a, b);
        expect(mergeProfiles(merged, a)).toEqual(merged);
        expect(mergeProfiles(merged, merged)).toEqual(merged);
      }),
      runs,
    );
  });

  it('keeps per field the value with the newest version, and every consent entry', () => {
    fc.assert(
      fc.property(fc.array(version, { minLength: 1, maxLength: 5 }), (list) => {
        const merged = mergeAll(list);
        if (merged === undefined || list.some((v) => v.erasedAt !== undefined)) return;
        const newest = list
          .map((v) => v.fields.name?.changedAt)
          .filter((c) => c !== undefined)
          .sort()
          .at(-1);
        expect(merged.fields.name?.changedAt).toBe(newest);
        const ids = new Set(list.flatMap((v) => v.consents.map((c) => c.id)));
        expect(merged.consents.map((c) => c.id).sort()).toEqual([...ids].sort());
      }),
      runs,
    );
  });

  it('erases for good: once any version is erased, the merge holds no data at all', () => {
    fc.assert(
      fc.property(fc.array(version, { minLength: 1, maxLength: 5 }), clock, (list, erasedAt) => {
        const merged = mergeAll([...list, erasedProfile(MEMBER, erasedAt)]);
        expect(merged?.fields).toEqual({});
        expect(merged?.consents).toEqual([]);
        expect(merged?.erasedAt).toBeDefined();
        expect(JSON.stringify(merged)).not.toMatch(/Anna|example|\+49|03-14/u);
      }),
      runs,
    );
  });

  it('always gives a record the schema accepts', () => {
    fc.assert(
      fc.property(version, version, (a, b) => {
        expect(profileRecordSchema.safeParse(mergeProfiles(a, b)).success).toBe(true);
      }),
      runs,
    );
  });
});

describe('mergeProfiles, by example', () => {
  const anna = (fields: ProfileRecord['fields'], consents: ConsentEntry[] = []): ProfileRecord => ({
    member: MEMBER,
    fields,
    consents,
  });

  it('keeps both of two corrections of different fields made offline on two terminals', () => {
    const onA = anna({ name: { value: 'Anna Berg-Kranz', changedAt: at(20, 'term_a') } });
    const onB = anna({ phone: { value: '030 7654321', changedAt: at(21, 'term_b') } });
    const merged = mergeProfiles(onA, onB);
    expect(profileValue(merged, 'name')).toBe('Anna Berg-Kranz');
    expect(profileValue(merged, 'phone')).toBe('030 7654321');
  });

  it('lets a later clearing of a field win, and reads a cleared field as no value', () => {
    const given = anna({ email: { value: 'anna@example.com', changedAt: at(10) } });
    const cleared = anna({ email: { value: null, changedAt: at(12) } });
    expect(profileValue(mergeProfiles(given, cleared), 'email')).toBeUndefined();
  });

  it('reads the marketing consent from the latest entry of the history', () => {
    const granted = anna({}, [consent(1, true, 10)]);
    const withdrawn = anna({}, [consent(2, false, 30)]);
    expect(hasMarketingConsent(granted)).toBe(true);
    const merged = mergeProfiles(granted, withdrawn);
    expect(merged.consents.map((c) => c.marketing)).toEqual([true, false]);
    expect(hasMarketingConsent(merged)).toBe(false);
    expect(hasMarketingConsent(anna({}))).toBe(false);
  });

  it('lets an erasure win over an edit made after it on a terminal that was offline', () => {
    const erased = erasedProfile(MEMBER, at(20, 'term_a'));
    const laterEdit = anna({ name: { value: 'Anna Berg', changedAt: at(90, 'term_b') } });
    expect(mergeProfiles(laterEdit, erased)).toEqual(erased);
    expect(mergeProfiles(erased, laterEdit)).toEqual(erased);
  });

  it('keeps a long consent history whole, and the schema takes the merged record', () => {
    const entries = (from: number) =>
      Array.from({ length: 150 }, (_, i) => consent(from + i, i % 2 === 0, from + i));
    const merged = mergeProfiles(anna({}, entries(1)), anna({}, entries(1_001)));
    expect(merged.consents).toHaveLength(300);
    expect(profileRecordSchema.safeParse(merged).success).toBe(true);
  });

  it('settles one entry id met with two contents the same way whatever the field order', () => {
    // Replicas X and Y both meet a granted and a withdrawn entry of one id; Y received the
    // withdrawn one with its fields written in another order.
    const granted = consent(7, true, 10);
    const withdrawn: ConsentEntry = { ...granted, marketing: false };
    const { id, marketing, at: when, via } = withdrawn;
    const withdrawnReordered: ConsentEntry = { via, at: when, marketing, id };
    const onX = mergeProfiles(anna({}, [granted]), anna({}, [withdrawn]));
    const onY = mergeProfiles(anna({}, [granted]), anna({}, [withdrawnReordered]));
    expect(onX.consents.map((c) => c.marketing)).toEqual(onY.consents.map((c) => c.marketing));
  });

  it('refuses to merge the profiles of two members', () => {
    expect(() => mergeProfiles(anna({}), { ...anna({}), member: 'mem_ben' })).toThrow(/mem_ben/u);
  });
});
