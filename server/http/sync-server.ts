/**
 * The sync server's HTTP side (Fastify 5): protocol v1's enrolment, push and pull, every
 * error in the protocol's form; the terminal's build at `/` and the desktop terminals'
 * update feed at `/updates/`. The store is the only state.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import fastifyCors, { type FastifyCorsOptions } from '@fastify/cors';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import type { ServerStore } from '../store/server-store';
import { createPublicKeys } from '../sync/public-keys';
import { registerEnrolRoute } from './enrol-route';
import { installErrorReplies } from './error-replies';
import { registerHqRoutes } from './hq-routes';
import { registerLiveRoute } from './live-route';
import { registerProfileRoutes } from './profile-routes';
import { registerPullRoute } from './pull-route';
import { registerPushRoute } from './push-route';
import { registerSnapshotRoute } from './snapshot-route';
import { registerStaffRoutes } from './staff-routes';

/** A push of 1,000 events is about 600 kB; twice that leaves room and no more. */
export const BODY_LIMIT_BYTES = 2 * 1024 * 1024;

export interface SyncServerOptions {
  readonly store: ServerStore;
  /** The server's clock; tests set it. */
  readonly now?: () => number;
  readonly logger?: boolean;
  /** The renderer's production build, served at `/` so a tablet opens the terminal here. */
  readonly rendererFolder?: string;
  /** The desktop terminals' update feed (electron-builder's output), served at `/updates/`. */
  readonly updatesFolder?: string;
  /**
   * Behind a reverse proxy: the client's protocol and address come from its X-Forwarded-*
   * headers (Fastify's trustProxy), so HQ's cookie is `Secure` behind HTTPS.
   */
  readonly trustProxy?: boolean;
  /** HTTPS with this certificate and key (PEM); plain HTTP when absent. */
  readonly tls?: { readonly cert: Buffer; readonly key: Buffer } | undefined;
}

/**
 * The calls the terminal makes, which alone answer other origins: the desktop terminal's
 * pages come from treu://app. A bearer token, not a cookie, is their credential, so any
 * origin may ask. HQ's calls (`/v1/hq/…`, `/v1/reports/…`) ride on a cookie and answer
 * only their own pages: no Access-Control-Allow-Origin there.
 */
const TERMINAL_CALLS =
  /^\/(v1\/terminals|v1\/events|v1\/events\/live|v1\/snapshot|v1\/staff|v1\/profiles|updates\/.*)$/u;

export const isTerminalCall = (url: string): boolean =>
  TERMINAL_CALLS.test(url.split('?', 1)[0] ?? '');

const TERMINAL_CORS: FastifyCorsOptions = {
  origin: '*',
  methods: ['GET', 'POST'],
  allowedHeaders: ['content-type', 'authorization'],
  maxAge: 600,
};
const NO_CORS: FastifyCorsOptions = { origin: false };

export function buildSyncServer(options: SyncServerOptions): FastifyInstance {
  const now = options.now ?? Date.now;
  const tls = options.tls;
  const app = Fastify({
    bodyLimit: BODY_LIMIT_BYTES,
    logger: options.logger ?? false,
    trustProxy: options.trustProxy ?? false,
    // The same app over HTTPS: Fastify hands requests to it from an https server.
    ...(tls
      ? {
          serverFactory: (handler: (req: IncomingMessage, res: ServerResponse) => void) =>
            createHttpsServer({ cert: tls.cert, key: tls.key }, handler) as unknown as Server,
        }
      : {}),
  });
  installErrorReplies(app);
  void app.register(fastifyCors, {
    delegator: (request, callback) => {
      callback(null, isTerminalCall(request.url) ? TERMINAL_CORS : NO_CORS);
    },
  });
  const keys = createPublicKeys();
  registerEnrolRoute(app, options.store, now);
  registerPushRoute(app, options.store, keys, now);
  registerPullRoute(app, options.store, now);
  registerLiveRoute(app, options.store);
  registerSnapshotRoute(app, options.store);
  registerStaffRoutes(app, options.store, now);
  registerProfileRoutes(app, options.store, now);
  registerHqRoutes(app, options.store, now);
  if (options.rendererFolder) {
    void app.register(fastifyStatic, { root: options.rendererFolder, wildcard: false });
  }
  if (options.updatesFolder) {
    void app.register(fastifyStatic, {
      root: options.updatesFolder,
      prefix: '/updates/',
      decorateReply: false,
      // The feed's latest.yml changes with each release: never served stale.
      cacheControl: false,
    });
  }
  return app;
}
