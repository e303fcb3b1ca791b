/**
 * Everything HQ, the franchise owner's dashboard, asks of the server: its page at `/hq`,
 * the login and session, terminals, and the reports. Its answers are never cached: they
 * are one tenant's figures behind a login.
 */
import type { FastifyInstance } from 'fastify';
import type { ServerStore } from '../store/server-store';
import { registerHqAuthRoutes } from './hq-auth-routes';
import { registerHqReportRoutes } from './hq-report-routes';
import { registerHqTerminalRoutes } from './hq-terminal-routes';

export function registerHqRoutes(
  app: FastifyInstance,
  store: ServerStore,
  now: () => number,
): void {
  // Relative, so that behind a proxy that serves Treu under a path (/treu/hq) the browser
  // stays under it (/treu/hq.html).
  app.get('/hq', (_request, reply) => reply.redirect('hq.html'));
  void app.register((scope, _options, done) => {
    scope.addHook('onSend', (_request, reply, payload, next) => {
      reply.header('cache-control', 'no-store');
      next(null, payload);
    });
    registerHqAuthRoutes(scope, store, now);
    registerHqTerminalRoutes(scope, store, now);
    registerHqReportRoutes(scope, store, now);
    done();
  });
}
