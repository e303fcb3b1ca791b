/**
 * Every error the server answers is `{ error: { code, message } }` (docs/architecture.md,
 * Protocol v1): a 4xx for anything the client did wrong, never a 5xx for bad input.
 */
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import type { ErrorBody, ErrorCode } from '../../shared/sync/protocol';

export function sendError(
  reply: FastifyReply,
  status: number,
  code: ErrorCode,
  message: string,
): FastifyReply {
  return reply.code(status).send({ error: { code, message } } satisfies ErrorBody);
}

/** Fastify's own errors for bad requests, in the protocol's words. */
function describeClientError(error: FastifyError): [number, ErrorCode, string] {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return [400, 'malformed_json', 'The body is not valid JSON.'];
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return [
        413,
        'body_too_large',
        'The body is larger than this server accepts; push fewer events at a time.',
      ];
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return [415, 'unsupported_media_type', 'Send the body as application/json.'];
    default:
      return [400, 'invalid_body', error.message];
  }
}

export function installErrorReplies(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const [code, name, message] = describeClientError(error);
      return sendError(reply, code, name, message);
    }
    request.log.error({ err: error }, 'request failed');
    return sendError(reply, 500, 'server_error', 'The server failed; the request can be repeated.');
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, 404, 'not_found', `There is nothing at ${request.method} ${request.url}.`),
  );
}
