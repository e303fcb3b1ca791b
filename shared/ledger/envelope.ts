/**
 * The event envelope (docs/architecture.md, Events): the wire and storage form of every
 * event. `parseEvent` turns untrusted input into a typed event or into errors that name
 * the field; it never throws.
 */
import { z } from 'zod';
import { parseHlc } from '../clock';
import { err, ok, type Result } from '../result';
import {
  eventDataSchemas,
  eventIdSchema,
  hlcSchema,
  staffIdSchema,
  storeIdSchema,
  tenantIdSchema,
  terminalIdSchema,
  type EventData,
  type EventType,
} from './event-types';

const envelopeFields = {
  id: eventIdSchema,
  hlc: hlcSchema,
  seq: z.int().min(1).max(Number.MAX_SAFE_INTEGER),
  tenant: tenantIdSchema,
  store: storeIdSchema,
  terminal: terminalIdSchema,
  staff: staffIdSchema.optional(),
  // 64 bytes in 86 characters: the last carries 2 bits and 4 zero bits, so only A, Q, g
  // and w can end a canonical signature (see fromBase64Url).
  sig: z.string().regex(/^[A-Za-z0-9_-]{85}[AQgw]$/, 'must be a base64url Ed25519 signature'),
};

const variants = (Object.keys(eventDataSchemas) as EventType[]).map((type) =>
  z.strictObject({ ...envelopeFields, type: z.literal(type), data: eventDataSchemas[type] }),
);

const [first, ...rest] = variants as [(typeof variants)[number], ...(typeof variants)[number][]];

export const ledgerEventSchema = z
  .discriminatedUnion('type', [first, ...rest])
  // The node part must be the terminal id exactly: a suffix test would let the hlc of
  // `x-term_4f2a` pass for `term_4f2a`, since node ids may contain `-`.
  .refine((event) => hlcNode(event.hlc) === event.terminal, {
    message: 'the clock value must end with the event’s terminal id',
    path: ['hlc'],
  });

function hlcNode(hlc: string): string | undefined {
  const parsed = parseHlc(hlc);
  return parsed.ok ? parsed.value.node : undefined;
}

interface Envelope {
  readonly id: string;
  readonly hlc: string;
  readonly seq: number;
  readonly tenant: string;
  readonly store: string;
  readonly terminal: string;
  readonly staff?: string | undefined;
  readonly sig: string;
}

/** A signed event of one type. */
export type EventOf<T extends EventType> = Envelope & {
  readonly type: T;
  readonly data: EventData<T>;
};

/** Any signed v1 event. */
export type LedgerEvent = { [T in EventType]: EventOf<T> }[EventType];

/** An event before it is signed: everything but `sig`. */
export type UnsignedEvent = { [T in EventType]: Omit<EventOf<T>, 'sig'> }[EventType];

/** What the rule engine asks to append: a type and its data; the terminal adds the envelope. */
export type EventDraft = {
  [T in EventType]: { readonly type: T; readonly data: EventData<T> };
}[EventType];

export interface FieldError {
  /** Dotted path of the field, e.g. `data.count`; empty for the event as a whole. */
  readonly field: string;
  readonly message: string;
}

export interface EventParseError {
  readonly code: 'invalid_event';
  /** One sentence naming the fields, for a log or an HTTP error body. */
  readonly message: string;
  readonly fields: readonly FieldError[];
}

export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.flatMap((issue) => {
    const path = issue.path.map(String);
    // zod reports unknown keys on the object that holds them; name each key instead, so
    // the error says which field is not allowed (`data.extra`), not just where.
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        field: [...path, key].join('.'),
        message: 'is not a known field',
      }));
    }
    return [{ field: path.join('.'), message: issue.message }];
  });
}

export function describeFieldErrors(fields: readonly FieldError[]): string {
  return fields
    .slice(0, 5)
    .map((f) => (f.field ? `${f.field}: ${f.message}` : f.message))
    .join('; ');
}

/** Parses untrusted input into a v1 event, or says which fields are wrong. */
export function parseEvent(input: unknown): Result<LedgerEvent, EventParseError> {
  const parsed = ledgerEventSchema.safeParse(input);
  if (parsed.success) return ok(parsed.data as LedgerEvent);
  const fields = fieldErrors(parsed.error);
  return err({
    code: 'invalid_event',
    message: `Invalid event: ${describeFieldErrors(fields)}`,
    fields,
  });
}
