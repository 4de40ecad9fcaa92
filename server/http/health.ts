import { Router } from 'express';
import { buildInfo } from '../build-info.js';
import { pingStore } from '../store/connection.js';
import { pingRedis } from '../queues/connections.js';
import type { AppDeps } from './deps.js';

/**
 * `GET /healthz`: the process is up, and what runs (app version, Node version, commit or null).
 * `GET /readyz`: MongoDB and Redis answer, indexes were built at boot, and the process is not
 * shutting down.
 */
export function healthRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', ...buildInfo() });
  });
  router.get('/readyz', async (_req, res) => {
    const [mongo, redis] = await Promise.all([pingStore(deps.conn), pingRedis(deps.redis)]);
    const ready = mongo && redis && deps.readiness.accepting;
    res.status(ready ? 200 : 503).json({
      status: ready ? 'ready' : 'not-ready',
      checks: { mongodb: mongo ? 'ok' : 'down', redis: redis ? 'ok' : 'down', accepting: deps.readiness.accepting },
    });
  });
  return router;
}
