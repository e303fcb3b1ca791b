import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEvent, type EventParseError } from '../../shared/ledger/envelope';
import { EVENT_TYPES, type EventType } from '../../shared/ledger/event-types';
import { PLACEHOLDER_SIG, TERMINAL, VALID_UNSIGNED_EVENTS, WALL_MS } from './vectors/events';

type JsonObject = Record<string, unknown>;

/** A valid signed-looking event of a type (the schema does not check the signature). */
const validEvent = (type: EventType): JsonObject =>
  structuredClone<JsonObject>({ ...VALID_UNSIGNED_EVENTS[type], sig: PLACEHOLDER_SIG });

/** A copy of an object without one of its fields. */
const without = (object: JsonObject, field: string): JsonObject =>
  Object.fromEntries(Object.entries(object).filter(([key]) => key !== field));

/** The event of a type with its data fields replaced or added. */
const withData = (type: EventType, data: JsonObject): JsonObject => {
  const event = validEvent(type);
  return { ...event, data: { ...(event.data as JsonObject), ...data } };
};

function expectInvalid(input: unknown): EventParseError {
  const result = parseEvent(input);
  if (result.ok) throw new Error(`expected an invalid event, got ${JSON.stringify(result.value)}`);
  expect(result.error.code).toBe('invalid_event');
  expect(result.error.message).toMatch(/^Invalid event: /);
  return result.error;
}

const fieldsOf = (input: unknown): string[] => expectInvalid(input).fields.map((f) => f.field);

describe('valid events', () => {
  it('there are exactly these 12 event types', () => {
    expect([...EVENT_TYPES].sort()).toEqual(
      [
        'member.enrolled',
        'member.updated',
        'member.erased',
        'member.merged',
        'card.linked',
        'card.blocked',
        'program.published',
        'stamps.earned',
        'reward.redeemed',
        'event.voided',
        'feedback.given',
        'day.closed',
      ].sort(),
    );
  });

  it('docs/architecture.md lists exactly these event types in its Event types table', () => {
    const doc = readFileSync(new URL('../../docs/architecture.md', import.meta.url), 'utf8');
    const section = doc.split('### Event types')[1]?.split('\n### ')[0] ?? '';
    const documented = [...section.matchAll(/^\| `([a-z]+\.[a-z]+)` +\|/gmu)].map((m) => m[1]);
    expect(documented.sort()).toEqual([...EVENT_TYPES].sort());
  });

  it.each(EVENT_TYPES)('accepts a valid %s event and returns it unchanged', (type) => {
    const event = validEvent(type);
    expect(parseEvent(event)).toEqual({ ok: true, value: event });
  });

  it.each(EVENT_TYPES)('accepts a %s event after a JSON round trip', (type) => {
    expect(parseEvent(JSON.parse(JSON.stringify(validEvent(type)))).ok).toBe(true);
  });

  it('accepts a system event without staff', () => {
    expect(parseEvent(without(validEvent('day.closed'), 'staff')).ok).toBe(true);
  });

  it('accepts the smallest events: only the required data fields', () => {
    expect(parseEvent(withData('member.enrolled', {})).ok).toBe(true);
    const minimal = {
      ...validEvent('member.enrolled'),
      data: { member: 'mem_abcd1234', consent: { marketing: false } },
    };
    expect(parseEvent(minimal).ok).toBe(true);
    const feedback = { ...validEvent('feedback.given'), data: { rating: 1 } };
    expect(parseEvent(feedback).ok).toBe(true);
  });
});

describe('never throws', () => {
  it.each([
    ['null', null],
    ['undefined', undefined],
    ['0', 0],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['a string', 'stamps.earned'],
    ['the empty string', ''],
    ['true', true],
    ['a bigint', 10n],
    ['an empty array', []],
    ['an array of events', [validEvent('stamps.earned')]],
    ['an empty object', {}],
    ['an object without prototype', Object.create(null) as object],
    ['a date', new Date(0)],
    ['a map', new Map([['type', 'stamps.earned']])],
    ['a function', () => validEvent('stamps.earned')],
    ['a symbol', Symbol('event')],
    ['data nested 10 000 deep', { ...validEvent('stamps.earned'), data: deepArray(10_000) }],
    ['an event with data null', { ...validEvent('stamps.earned'), data: null }],
    ['an event with a __proto__ key', JSON.parse('{"__proto__": {"type": "stamps.earned"}}')],
  ])('returns invalid_event for %s', (_label, input) => {
    expect(() => parseEvent(input)).not.toThrow();
    expectInvalid(input);
  });

  it('never throws for anything fast-check can make (property, seed 42)', () => {
    const anything = fc.anything({
      maxDepth: 5,
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withNullPrototype: true,
      withObjectString: true,
      withSet: true,
      withSparseArray: true,
      withTypedArray: true,
    });
    fc.assert(
      fc.property(anything, (input) => {
        const result = parseEvent(input);
        if (!result.ok) {
          expect(result.error.code).toBe('invalid_event');
          expect(result.error.fields.length).toBeGreaterThan(0);
        }
      }),
      { seed: 42, numRuns: 1000 },
    );
  });

  it('never throws when any one field of a valid event is replaced by junk (property, seed 42)', () => {
    const paths = EVENT_TYPES.flatMap((type) =>
      leafPaths(validEvent(type)).map((path) => ({ type, path })),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...paths),
        fc.anything({ maxDepth: 3 }),
        ({ type, path }, junk) => {
          const event = validEvent(type);
          setPath(event, path, junk);
          const result = parseEvent(event);
          if (!result.ok) {
            // The error names the replaced field, or an object that contains it.
            const fields = result.error.fields.map((f) => f.field);
            const replaced = path.join('.');
            expect(fields.some((f) => replaced.startsWith(f) || f.startsWith(replaced))).toBe(true);
          }
        },
      ),
      { seed: 42, numRuns: 2000 },
    );
  });
});

describe('errors name the field', () => {
  it.each([
    ['data.count', withData('stamps.earned', { count: 'two' })],
    ['data.count', withData('stamps.earned', { count: 1.5 })],
    ['data.member', withData('stamps.earned', { member: 'bob' })],
    ['data.reason', withData('stamps.earned', { reason: 'because' })],
    ['data.program', withData('reward.redeemed', { program: 'coffee' })],
    ['data.cost', withData('reward.redeemed', { cost: 0 })],
    ['data.target', withData('event.voided', { target: 'f47ac10b-58cc-4372-a567-0e02b2c3d479' })],
    ['data.rating', withData('feedback.given', { rating: 6 })],
    ['data.card', withData('card.linked', { card: 'card-1' })],
    ['data.kind', withData('card.linked', { kind: 'magstripe' })],
    ['data.email', withData('member.enrolled', { email: 'anna@' })],
    ['data.phone', withData('member.enrolled', { phone: 'call me' })],
    ['data.consent.marketing', withData('member.enrolled', { consent: { marketing: 'yes' } })],
    ['data.totals.voids', withData('day.closed', { totals: { ...totals(), voids: -1 } })],
    ['data.into', withData('member.merged', { into: 'mem_efgh5678' })],
    ['data.rules.rewards.0.cost', withRewardCost(0)],
    ['seq', { ...validEvent('member.erased'), seq: 0 }],
    ['seq', { ...validEvent('member.erased'), seq: 1.5 }],
    ['id', { ...validEvent('member.erased'), id: 'not-a-uuid' }],
    ['hlc', { ...validEvent('member.erased'), hlc: '2024-11-22T14:00:00Z' }],
    ['tenant', { ...validEvent('member.erased'), tenant: 'demo' }],
    ['store', { ...validEvent('member.erased'), store: 'ten_demo' }],
    ['staff', { ...validEvent('member.erased'), staff: 'anna' }],
    ['sig', { ...validEvent('member.erased'), sig: 'c2lnbmF0dXJl' }],
    ['type', { ...validEvent('member.erased'), type: 'member.deleted' }],
  ])('reports %s', (field, input) => {
    const error = expectInvalid(input);
    expect(error.fields.map((f) => f.field)).toContain(field);
    expect(error.message).toContain(`${field}: `);
  });

  it('reports a missing required field by its name', () => {
    expect(fieldsOf(without(validEvent('member.erased'), 'sig'))).toContain('sig');
    const event = validEvent('stamps.earned');
    const data = without(event.data as JsonObject, 'count');
    expect(fieldsOf({ ...event, data })).toContain('data.count');
  });

  it('reports every wrong field, not only the first', () => {
    const input = { ...withData('stamps.earned', { count: 'x', member: 'x' }), seq: -1 };
    expect(fieldsOf(input)).toEqual(expect.arrayContaining(['seq', 'data.count', 'data.member']));
  });

  it('accepts a UUIDv4 nowhere an event id is expected', () => {
    expect(
      fieldsOf({ ...validEvent('member.erased'), id: 'f47ac10b-58cc-4372-a567-0e02b2c3d479' }),
    ).toEqual(['id']);
  });
});

describe('unknown fields are refused, never dropped', () => {
  it.each([
    ['extra', { ...validEvent('stamps.earned'), extra: 1 }],
    ['data.extra', withData('stamps.earned', { extra: 1 })],
    ['data.consent.extra', withData('member.enrolled', { consent: { marketing: true, extra: 1 } })],
    ['data.totals.extra', withData('day.closed', { totals: { ...totals(), extra: 0 } })],
    ['data.rules.extra', withRules({ extra: true })],
    ['data.rules.rewards.0.extra', withFirstReward({ extra: 'x' })],
  ])('refuses an unknown field and names it: %s', (field, input) => {
    const error = expectInvalid(input);
    expect(error.fields).toContainEqual({ field, message: 'is not a known field' });
  });

  it('names each of several unknown fields', () => {
    expect(fieldsOf({ ...validEvent('member.erased'), a: 1, b: 2 })).toEqual(['a', 'b']);
  });

  it('refuses a field of another event type', () => {
    expect(fieldsOf(withData('member.erased', { count: 1 }))).toEqual(['data.count']);
  });
});

describe('the clock value belongs to the event’s terminal', () => {
  it('refuses an hlc of another terminal', () => {
    const input = { ...validEvent('stamps.earned'), hlc: `00${WALL_MS}-00000-term_other` };
    expect(fieldsOf(input)).toEqual(['hlc']);
  });

  it('refuses an hlc whose node merely ends with the terminal id', () => {
    const input = { ...validEvent('stamps.earned'), hlc: `00${WALL_MS}-00000-x-${TERMINAL}` };
    expect(fieldsOf(input)).toEqual(['hlc']);
  });

  it('refuses a terminal id that is not the hlc node although the hlc ends with it', () => {
    const input = {
      ...validEvent('stamps.earned'),
      hlc: `00${WALL_MS}-00000-term_4f2a`,
      terminal: 'term_2a',
    };
    expect(fieldsOf(input)).toEqual(['hlc']);
  });

  it('accepts the longest terminal id (term_ and 64 characters) in hlc and terminal', () => {
    const terminal = `term_${'a'.repeat(64)}`;
    const input = {
      ...validEvent('stamps.earned'),
      terminal,
      hlc: `00${WALL_MS}-00000-${terminal}`,
    };
    expect(parseEvent(input).ok).toBe(true);
  });
});

describe('stamp counts', () => {
  it('accepts a negative count with reason adjustment', () => {
    expect(parseEvent(withData('stamps.earned', { count: -3, reason: 'adjustment' })).ok).toBe(
      true,
    );
  });

  it.each(['purchase', 'welcome', 'birthday', 'referral', 'campaign'])(
    'refuses a negative count with reason %s, naming data.count',
    (reason) => {
      const error = expectInvalid(withData('stamps.earned', { count: -1, reason }));
      expect(error.fields).toEqual([
        { field: 'data.count', message: 'only an adjustment may remove stamps' },
      ]);
    },
  );

  it('refuses a count of 0, even as an adjustment', () => {
    expect(fieldsOf(withData('stamps.earned', { count: 0, reason: 'adjustment' }))).toEqual([
      'data.count',
    ]);
  });

  it('accepts -10000 and 10000 and refuses one beyond', () => {
    expect(parseEvent(withData('stamps.earned', { count: 10_000 })).ok).toBe(true);
    const adjust = (count: number) => withData('stamps.earned', { count, reason: 'adjustment' });
    expect(parseEvent(adjust(-10_000)).ok).toBe(true);
    expect(fieldsOf(withData('stamps.earned', { count: 10_001 }))).toEqual(['data.count']);
    expect(fieldsOf(adjust(-10_001))).toEqual(['data.count']);
  });
});

describe('birthdays', () => {
  const birthday = (value: string) => withData('member.enrolled', { birthday: value });

  it.each(['02-29', '2024-02-29', '2000-02-29', '01-01', '12-31', '1990-04-30', '02-28'])(
    'accepts %s',
    (value) => {
      expect(parseEvent(birthday(value)).ok).toBe(true);
    },
  );

  it.each([
    '02-30',
    '02-31',
    '04-31',
    '2023-02-29',
    '1900-02-29',
    '13-01',
    '00-10',
    '01-00',
    '01-32',
    '2-3',
    '1990-2-03',
    '29.02.',
    '1990-02-03T00:00:00Z',
    '',
  ])('refuses %s, naming data.birthday', (value) => {
    expect(fieldsOf(birthday(value))).toEqual(['data.birthday']);
  });
});

describe('other rules', () => {
  it('member.updated must change at least one field', () => {
    expect(fieldsOf(withDataOnly('member.updated', { member: 'mem_abcd1234' }))).toEqual(['data']);
  });

  it('a member cannot be merged into itself', () => {
    expect(
      fieldsOf(withDataOnly('member.merged', { from: 'mem_abcd1234', into: 'mem_abcd1234' })),
    ).toEqual(['data.into']);
  });

  it.each([
    ['member.enrolled', 'name', ' Anna Schmidt'],
    ['member.enrolled', 'name', 'Anna Schmidt '],
    ['member.updated', 'name', '\tAnna'],
    ['program.published', 'name', 'Coffee card\n'],
    ['feedback.given', 'comment', ' Great coffee'],
  ] as const)(
    '%s: refuses data.%s with surrounding white space instead of silently trimming it',
    (type, field, value) => {
      expect(fieldsOf(withData(type, { [field]: value }))).toEqual([`data.${field}`]);
    },
  );

  it('refuses a signature in another spelling than canonical base64url', () => {
    expect(fieldsOf({ ...validEvent('member.erased'), sig: `${'A'.repeat(85)}B` })).toEqual([
      'sig',
    ]);
    expect(fieldsOf({ ...validEvent('member.erased'), sig: `${'A'.repeat(84)}==` })).toEqual([
      'sig',
    ]);
  });
});

// ---------------------------------------------------------------------------------------

function totals() {
  return { events: 0, stamps: 0, redemptions: 0, enrolments: 0, voids: 0, feedback: 0 };
}

function withDataOnly(type: EventType, data: JsonObject): JsonObject {
  return { ...validEvent(type), data };
}

function withRules(extra: JsonObject): JsonObject {
  const event = validEvent('program.published');
  const data = event.data as JsonObject;
  return { ...event, data: { ...data, rules: { ...(data.rules as JsonObject), ...extra } } };
}

function withFirstReward(extra: JsonObject): JsonObject {
  const event = validEvent('program.published');
  const rules = (event.data as JsonObject).rules as JsonObject;
  const [first, ...rest] = rules.rewards as JsonObject[];
  return withRules({ rewards: [{ ...first, ...extra }, ...rest] });
}

function withRewardCost(cost: number): JsonObject {
  return withFirstReward({ cost });
}

function deepArray(depth: number): unknown {
  let value: unknown = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

function leafPaths(value: unknown, path: string[] = []): string[][] {
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    return [path, ...entries.flatMap(([key, inner]) => leafPaths(inner, [...path, key]))].filter(
      (p) => p.length > 0,
    );
  }
  return [path];
}

function setPath(root: JsonObject, path: readonly string[], value: unknown): void {
  let node = root;
  for (const key of path.slice(0, -1)) node = node[key] as JsonObject;
  node[path[path.length - 1] ?? ''] = value;
}
