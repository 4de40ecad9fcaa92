/**
 * `GET /metrics` in the Prometheus text format. Access is its own setting, apart from the admin
 * keys (a scraper should not hold one): by default only loopback clients are served (a sidecar
 * or a local agent); METRICS_TOKEN opens it to other hosts with `Authorization: Bearer <token>`
 * (compared in constant time); METRICS_LOOPBACK_OPEN=false requires the token from loopback too
 * (behind a reverse proxy on the same host every client looks local).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { Router, type Request } from 'express';
import type { AppDeps } from '../deps.js';
import { Forbidden, Unauthorized } from '../errors.js';
import { appMetrics } from './app-metrics.js';

export const METRICS_PATH = '/metrics';

const loopback = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

export type MetricsAccess = 'ALLOWED' | 'NEEDS_TOKEN' | 'LOOPBACK_ONLY';

/** Whether a client at `remoteAddress` presenting `authorization` may read the metrics. */
export function metricsAccess(config: AppDeps['config'], remoteAddress: string | undefined, authorization: string | undefined): MetricsAccess {
  if (config.metricsLoopbackOpen && remoteAddress !== undefined && loopback.has(remoteAddress)) return 'ALLOWED';
  if (config.metricsToken === '') return 'LOOPBACK_ONLY';
  const presented = authorization !== undefined && /^Bearer /i.test(authorization) ? authorization.slice(7).trim() : '';
  return presented !== '' && timingSafeEqual(digest(presented), digest(config.metricsToken)) ? 'ALLOWED' : 'NEEDS_TOKEN';
}

function check(deps: AppDeps, req: Request): void {
  const access = metricsAccess(deps.config, req.socket.remoteAddress, req.get('authorization'));
  if (access === 'NEEDS_TOKEN') throw new Unauthorized();
  if (access === 'LOOPBACK_ONLY') throw new Forbidden('metrics are served to loopback clients only (set METRICS_TOKEN to open them to others)');
}

export function metricsRoutes(deps: AppDeps): Router {
  const router = Router();
  const metrics = appMetrics(deps);
  router.get(METRICS_PATH, async (req, res) => {
    check(deps, req);
    res.set('Content-Type', metrics.contentType).send(await metrics.render());
  });
  return router;
}
