/**
 * A failed HQ call in the owner's language: each error code of the server
 * (shared/sync/hq-protocol.ts) has its words in t.hq.errors; the server's own English
 * sentence shows only for a code this page does not know, as a detail.
 */
import { HQ_ERROR_CODES, type HqErrorCode } from '../../shared/sync/hq-protocol';
import type { hqMessages } from '../i18n/areas/hq';
import type { HqFailure } from './hq-api';

type HqWords = (typeof hqMessages)['en'];
type Refusal = Extract<HqFailure, { kind: 'refused' }>;

const isHqErrorCode = (code: string): code is HqErrorCode =>
  (HQ_ERROR_CODES as readonly string[]).includes(code);

function refusalText(failure: Refusal, words: HqWords): string {
  const e = words.errors;
  if (failure.code === 'unreadable') return e.unreadable;
  if (!isHqErrorCode(failure.code)) {
    return `${e.other(failure.status)} ${e.detail(failure.message)}`;
  }
  // A Record over every code: a new code on the server does not compile without words.
  const texts: Record<HqErrorCode, () => string> = {
    malformed_json: () => e.malformed_json,
    invalid_body: () => e.invalid_body,
    invalid_query: () => e.invalid_query,
    unauthorized: () => e.unauthorized,
    wrong_password: () => e.wrong_password,
    too_many_attempts: () =>
      e.too_many_attempts(
        failure.retryAfterSeconds === undefined
          ? undefined
          : Math.max(1, Math.ceil(failure.retryAfterSeconds / 60)),
      ),
    forbidden_origin: () => e.forbidden_origin,
    not_found: () => e.not_found,
    server_error: () => e.server_error,
  };
  return texts[failure.code]();
}

export function describeHqFailure(failure: HqFailure, words: HqWords): string {
  switch (failure.kind) {
    case 'offline':
      return words.networkError;
    case 'signed_out':
      return words.sessionEnded;
    case 'refused':
      return refusalText(failure, words);
  }
}
