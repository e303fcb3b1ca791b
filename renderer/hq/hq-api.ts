/**
 * HQ's calls to the server that serves it (same origin, the session cookie goes along):
 * each answer validated with the protocol's zod schemas. Failures are values: "signed
 * out" for a 401, a refusal with the server's error code (hq-errors.ts puts it in words),
 * or "offline".
 */
import type { z } from 'zod';
import { err, ok, type Result } from '../../shared/result';
import { hqErrorBodySchema } from '../../shared/sync/hq-protocol';
import { downloadFile } from '../ui/download-file';

export type HqFailure =
  | { readonly kind: 'signed_out' }
  | {
      readonly kind: 'refused';
      readonly status: number;
      /** The server's error code; `unreadable` when its answer made no sense to HQ. */
      readonly code: string;
      /** The server's sentence (English): shown only for a code HQ has no words for. */
      readonly message: string;
      /** From Retry-After, when the server said how long to wait. */
      readonly retryAfterSeconds?: number | undefined;
    }
  | { readonly kind: 'offline' };

async function failureOf(response: Response): Promise<HqFailure> {
  const body: unknown = await response.json().catch(() => undefined);
  const parsed = hqErrorBodySchema.safeParse(body);
  const code = parsed.success ? parsed.data.error.code : `http_${response.status}`;
  if (response.status === 401 && code === 'unauthorized') return { kind: 'signed_out' };
  const retryAfter = Number(response.headers.get('retry-after') ?? Number.NaN);
  return {
    kind: 'refused',
    status: response.status,
    code,
    message: parsed.success ? parsed.data.error.message : `HTTP ${response.status}`,
    retryAfterSeconds: Number.isFinite(retryAfter) ? retryAfter : undefined,
  };
}

const UNREADABLE: HqFailure = {
  kind: 'refused',
  status: 200,
  code: 'unreadable',
  message: 'The server sent an answer HQ cannot read.',
};

async function send(
  path: string,
  init: RequestInit,
  signal: AbortSignal | undefined,
): Promise<Result<Response, HqFailure>> {
  let response: Response;
  try {
    response = await fetch(path, {
      credentials: 'same-origin',
      cache: 'no-store',
      ...init,
      ...(signal ? { signal } : {}),
    });
  } catch {
    // fetch rejects only when there was no answer at all (or the call was aborted).
    return err({ kind: 'offline' });
  }
  return response.ok ? ok(response) : err(await failureOf(response));
}

/** A JSON call whose answer must match `schema`. */
export async function hqJson<S extends z.ZodType>(
  schema: S,
  path: string,
  init: { method?: 'GET' | 'POST'; body?: unknown; signal?: AbortSignal } = {},
): Promise<Result<z.infer<S>, HqFailure>> {
  const answer = await send(
    path,
    {
      method: init.method ?? 'GET',
      ...(init.body === undefined
        ? {}
        : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(init.body) }),
    },
    init.signal,
  );
  if (!answer.ok) return answer;
  const parsed = schema.safeParse(await answer.value.json().catch(() => undefined));
  return parsed.success ? ok(parsed.data) : err(UNREADABLE);
}

/** A call with no answer body (logout). */
export async function hqPost(path: string): Promise<Result<undefined, HqFailure>> {
  const answer = await send(path, { method: 'POST' }, undefined);
  return answer.ok ? ok(undefined) : answer;
}

/** Fetches a file and hands it to the browser as a download; says the file's name. */
export async function hqDownload(path: string): Promise<Result<string, HqFailure>> {
  const answer = await send(path, { method: 'GET' }, undefined);
  if (!answer.ok) return answer;
  const disposition = answer.value.headers.get('content-disposition') ?? '';
  const name = /filename="([^"]+)"/u.exec(disposition)?.[1] ?? 'treu-export.csv';
  downloadFile(await answer.value.blob(), name);
  return ok(name);
}
