/**
 * HQ's calls to the server that serves it (same origin, the session cookie goes along):
 * each answer validated with the protocol's zod schemas. Failures are values: the
 * server's sentence, "signed out" for a 401, or "offline".
 */
import type { z } from 'zod';
import { err, ok, type Result } from '../../shared/result';
import { hqErrorBodySchema } from '../../shared/sync/hq-protocol';

export type HqFailure =
  | { readonly kind: 'signed_out'; readonly message: string }
  | { readonly kind: 'refused'; readonly status: number; readonly message: string }
  | { readonly kind: 'offline' };

async function failureOf(response: Response): Promise<HqFailure> {
  const body: unknown = await response.json().catch(() => undefined);
  const parsed = hqErrorBodySchema.safeParse(body);
  const message = parsed.success ? parsed.data.error.message : `HTTP ${response.status}`;
  const signedOut =
    response.status === 401 && parsed.success && parsed.data.error.code === 'unauthorized';
  return signedOut
    ? { kind: 'signed_out', message }
    : { kind: 'refused', status: response.status, message };
}

async function send(path: string, init: RequestInit): Promise<Result<Response, HqFailure>> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin', cache: 'no-store', ...init });
  } catch {
    // fetch rejects only when there was no answer at all.
    return err({ kind: 'offline' });
  }
  return response.ok ? ok(response) : err(await failureOf(response));
}

/** A JSON call whose answer must match `schema`. */
export async function hqJson<S extends z.ZodType>(
  schema: S,
  path: string,
  init: { method?: 'GET' | 'POST'; body?: unknown } = {},
): Promise<Result<z.infer<S>, HqFailure>> {
  const answer = await send(path, {
    method: init.method ?? 'GET',
    ...(init.body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(init.body) }),
  });
  if (!answer.ok) return answer;
  const parsed = schema.safeParse(await answer.value.json().catch(() => undefined));
  return parsed.success
    ? ok(parsed.data)
    : err({ kind: 'refused', status: 200, message: 'The server sent an answer HQ cannot read.' });
}

/** A call with no answer body (logout). */
export async function hqPost(path: string): Promise<Result<undefined, HqFailure>> {
  const answer = await send(path, { method: 'POST' });
  return answer.ok ? ok(undefined) : answer;
}

/** Fetches a file and hands it to the browser as a download; says the file's name. */
export async function hqDownload(path: string): Promise<Result<string, HqFailure>> {
  const answer = await send(path, { method: 'GET' });
  if (!answer.ok) return answer;
  const disposition = answer.value.headers.get('content-disposition') ?? '';
  const name = /filename="([^"]+)"/u.exec(disposition)?.[1] ?? 'treu-export.csv';
  const url = URL.createObjectURL(await answer.value.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the blob goes.
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 10_000);
  return ok(name);
}
