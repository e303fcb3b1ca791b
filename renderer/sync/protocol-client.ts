/**
 * Protocol v1 from the terminal's side: enrol, push, pull over fetch. Every answer is
 * validated with the shared schemas; every way a call can fail becomes a SyncProblem the
 * status bar can word (never an exception for the network or the server's refusals).
 */
import type { LedgerEvent } from '../../shared/ledger/envelope';
import { err, ok, type Result } from '../../shared/result';
import {
  enrolmentResponseSchema,
  errorBodySchema,
  pullResponseSchema,
  pushResponseSchema,
  type EnrolmentRequest,
  type EnrolmentResponse,
  type PullResponse,
  type PushResponse,
} from '../../shared/sync/protocol';
import { staffListSchema, type StaffList, type StaffPush } from '../../shared/sync/staff-protocol';
import type { ServerLink, SyncProblem } from '../storage/rows';

/** A call that has not answered in this time is given up and retried later. */
const TIMEOUT_MS = 20_000;

type Answer<T> = Result<T, SyncProblem>;

/** The problem an error answer stands for. */
function problemOf(status: number, body: unknown): SyncProblem {
  const parsed = errorBodySchema.safeParse(body);
  const detail = parsed.success ? parsed.data.error.message : undefined;
  const serverCode = parsed.success ? parsed.data.error.code : undefined;
  // A push refused whole because its events' clocks are ahead: the device's date is wrong.
  if (parsed.success && parsed.data.error.rejected?.[0]?.code === 'clock_ahead') {
    return { code: 'clock_ahead', detail, serverCode };
  }
  if (status === 401) return { code: 'unauthorized', detail, serverCode };
  if (status === 403) return { code: 'revoked', detail, serverCode };
  if (status >= 500) return { code: 'server_error', detail, serverCode };
  return { code: 'rejected', detail: detail ?? `HTTP ${status}`, serverCode };
}

async function call<T>(
  url: string,
  init: RequestInit,
  parse: (body: unknown) => { success: true; data: T } | { success: false },
  expected: number,
): Promise<Answer<T>> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    // fetch rejects only when no answer came: no network, no server, or the timeout.
    return err({ code: 'offline', detail: error instanceof Error ? error.message : undefined });
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    // Not JSON: a proxy's page, or the connection cut mid-answer.
    return err({ code: 'bad_answer', detail: `HTTP ${response.status} without a JSON body` });
  }
  if (response.status !== expected) return err(problemOf(response.status, body));
  const parsed = parse(body);
  return parsed.success
    ? ok(parsed.data)
    : err({ code: 'bad_answer', detail: 'The answer does not match protocol v1.' });
}

const endpoint = (base: string, path: string) => new URL(path, base).toString();

const json = (body: unknown, token?: string): RequestInit => ({
  method: 'POST',
  headers: {
    'content-type': 'application/json',
    ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
  },
  body: JSON.stringify(body),
});

export function enrolAt(
  server: string,
  request: EnrolmentRequest,
): Promise<Answer<EnrolmentResponse>> {
  return call(
    endpoint(server, '/v1/terminals'),
    json(request),
    (b) => enrolmentResponseSchema.safeParse(b),
    201,
  );
}

export function pushEvents(
  link: ServerLink,
  events: readonly LedgerEvent[],
): Promise<Answer<PushResponse>> {
  return call(
    endpoint(link.url, '/v1/events'),
    json({ events }, link.token),
    (b) => pushResponseSchema.safeParse(b),
    200,
  );
}

export function pullEvents(link: ServerLink, limit: number): Promise<Answer<PullResponse>> {
  const query = new URLSearchParams({ limit: String(limit) });
  if (link.pullCursor !== undefined) query.set('after', link.pullCursor);
  return call(
    endpoint(link.url, `/v1/events?${query.toString()}`),
    { headers: { authorization: `Bearer ${link.token}` } },
    (b) => pullResponseSchema.safeParse(b),
    200,
  );
}

/** The store's staff list and audit (shared/sync/staff-protocol.ts). */
export function pullStaff(link: ServerLink): Promise<Answer<StaffList>> {
  return call(
    endpoint(link.url, '/v1/staff'),
    { headers: { authorization: `Bearer ${link.token}` } },
    (b) => staffListSchema.safeParse(b),
    200,
  );
}

/** Sends changed staff records and new audit entries; the answer is the merged list. */
export function pushStaff(link: ServerLink, push: StaffPush): Promise<Answer<StaffList>> {
  return call(
    endpoint(link.url, '/v1/staff'),
    json(push, link.token),
    (b) => staffListSchema.safeParse(b),
    200,
  );
}
