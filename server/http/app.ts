import express, { type Express } from 'express';
import { pinoHttp } from 'pino-http';
import { loggedUrl, safePath } from '../logger.js';
import type { AppDeps } from './deps.js';
import { errorMapper } from './errors.js';
import { requestMetrics } from './metrics/request-metrics.js';
import { routeModules, type RouteModule } from './routes.js';

/**
 * Builds the Express application without listening: `main.ts` listens, tests drive it with
 * supertest. Route modules parse their own bodies (the Toast webhook answers parse errors in
 * Toast's vocabulary, the admin API in its own).
 */
export function buildApp(deps: AppDeps, modules: RouteModule[] = routeModules): Express {
  const app = express();
  app.disable('x-powered-by');
  // Express hashes every answer body (SHA-1) for an ETag; no client here revalidates with
  // If-None-Match (Toast POSTs, the admin API is read fresh), so that is CPU spent per request for nothing.
  app.set('etag', false);
  app.set('trust proxy', false);
  // First, so every request is counted and timed, including those refused by later middleware.
  app.use(requestMetrics(deps));
  app.use(pinoHttp({
    logger: deps.logger,
    autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' || req.url === '/metrics' },
    serializers: {
      req: (req: { method: string; url: string; id: unknown }) => ({ id: req.id, method: req.method, url: loggedUrl(safePath(req.url)) }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  }));
  for (const module of modules) app.use(module.build(deps));
  app.use((_req, res) => {
    res.status(404).json({ error: { code: 'NOT_FOUND', message: 'no such route', problems: [] } });
  });
  app.use(errorMapper(deps.logger));
  return app;
}
