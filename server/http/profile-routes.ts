/**
 * `GET` and `POST /v1/profiles`: the tenant's member profiles, beside the ledger
 * (shared/sync/profile-protocol.ts, docs/decisions/0008-member-profiles.md). A push merges
 * each record with the one the server holds; a pull answers the records changed after a
 * cursor, erased ones as their tombstone. A terminal sees and changes only its own
 * tenant's profiles.
 */
import type { FastifyInstance } from 'fastify';
import { hlcWallMs, minutesBeyondDrift } from '../../shared/clock';
import { describeFieldErrors, fieldErrors } from '../../shared/ledger/envelope';
import type { ProfileRecord } from '../../shared/profiles/profile-record';
import {
  profilePushSchema,
  type ProfilePage,
  type ProfilePushResponse,
} from '../../shared/sync/profile-protocol';
import { pullQuerySchema } from '../../shared/sync/protocol';
import type { ServerStore } from '../store/server-store';
import { authenticate } from './authenticate';
import { pageAfterCursor } from './cursor-page';
import { sendError } from './error-replies';

const DEFAULT_LIMIT = 500;

/** Every clock value of a record: its fields' versions, its consent entries, its erasure. */
const clocksOf = (record: ProfileRecord): string[] => [
  ...Object.values(record.fields).map((field) => field.changedAt),
  ...record.consents.map((entry) => entry.at),
  ...(record.erasedAt === undefined ? [] : [record.erasedAt]),
];

export function registerProfileRoutes(
  app: FastifyInstance,
  store: ServerStore,
  now: () => number,
): void {
  app.get('/v1/profiles', async (request, reply) => {
    const terminal = await authenticate(store, request, reply);
    if (!terminal) return reply;
    const query = pullQuerySchema.safeParse(request.query);
    if (!query.success) {
      return sendError(
        reply,
        400,
        'invalid_query',
        `Invalid profile pull: ${describeFieldErrors(fieldErrors(query.error))}`,
      );
    }
    const after = Number(query.data.after ?? 0);
    const answer = await pageAfterCursor(
      after,
      query.data.limit ?? DEFAULT_LIMIT,
      (from, limit) => store.profilesAfter(terminal.tenant, from, limit),
      () => store.newestProfilePosition(terminal.tenant),
    );
    if (!answer.ok) {
      return sendError(
        reply,
        409,
        'cursor_ahead',
        `This terminal has read member profiles up to ${after}, but the server holds them only up to ${answer.newest}: the server's data was reset or restored from a backup.`,
      );
    }
    await store.recordSync(terminal.id, now());
    const page: ProfilePage = {
      profiles: answer.page.map((row) => row.record),
      cursor: answer.cursor,
      more: answer.more,
    };
    return reply.send(page);
  });

  app.post('/v1/profiles', async (request, reply) => {
    const terminal = await authenticate(store, request, reply);
    if (!terminal) return reply;
    const body = profilePushSchema.safeParse(request.body);
    if (!body.success) {
      return sendError(
        reply,
        400,
        'invalid_body',
        `Invalid member profiles: ${describeFieldErrors(fieldErrors(body.error))}`,
      );
    }
    const nowMs = now();
    // A version from a clock far ahead would win over every later correction until the
    // real time caught up: refused, as events from such a clock are.
    for (const record of body.data.profiles) {
      for (const clock of clocksOf(record)) {
        const minutes = minutesBeyondDrift(hlcWallMs(clock), nowMs);
        if (minutes === undefined) continue;
        return sendError(
          reply,
          400,
          'invalid_body',
          `The profile of ${record.member} has a change ${minutes} minutes ahead of the server's clock: check the date and time of this terminal.`,
        );
      }
    }
    const changed = await store.saveProfiles(terminal.tenant, body.data.profiles);
    await store.recordSync(terminal.id, nowMs);
    const answer: ProfilePushResponse = { changed };
    return reply.send(answer);
  });
}
