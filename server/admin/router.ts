/**
 * The admin API's Express router, built from the declared routes (routes/index.ts). Every
 * request under /admin passes, in this order:
 *   helmet headers → rate limit (429) → request id → API key (401) → path params (400) →
 *   program scope (403, before anything is looked up) → query and body (400/422) → handler →
 *   audit entry (every write) → answer.
 * The OpenAPI document and the docs page are public: they hold no secret.
 */
import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import { apiKeyScope, requireApiKey, scopeAllows } from '../http/api-key-auth.js';
import type { AppDeps } from '../http/deps.js';
import { Forbidden, HttpError } from '../http/errors.js';
import { recordAudit } from './audit.js';
import { docsRoutes } from './docs-page.js';
import { ADMIN_BASE, buildOpenApi, OPENAPI_PATH } from './openapi.js';
import { queueBoardRoutes } from './queue-board.js';
import { requestIdOf } from './request-id.js';
import type { AdminAnswer, AdminRoute } from './route.js';
import { adminRouteList } from './routes/index.js';
import { compilePart, type PartCheck } from './schema-validation.js';

/** `/programs/{programId}` → `/admin/v1/programs/:programId` (Express 5 path syntax). */
export function expressPath(openApiPath: string): string {
  return `${ADMIN_BASE}${openApiPath.replace(/\{([A-Za-z0-9_]+)\}/g, ':$1')}`;
}

function requestId(req: Request, res: Response, next: NextFunction): void {
  const id = requestIdOf(req);
  res.locals.requestId = id;
  res.set('X-Request-Id', id);
  next();
}

function send(res: Response, answer: AdminAnswer): void {
  if (answer.headers) res.set(answer.headers);
  res.status(answer.status);
  if (answer.text !== undefined) res.type(answer.contentType ?? 'text/plain').send(answer.text);
  else if (answer.body === undefined) res.end();
  else res.json(answer.body);
}

const passThrough: PartCheck = (value) => value;

/** The Express handler of one declared route (its schemas compiled once, here). */
function handlerOf(route: AdminRoute, deps: AppDeps) {
  const checkParams = route.params ? compilePart('path', route.params) : passThrough;
  const checkQuery = compilePart('query', route.query ?? { type: 'object', additionalProperties: false });
  const checkBody: PartCheck = route.checkBody ?? (route.body ? compilePart('body', route.body) : passThrough);
  return async (req: Request, res: Response): Promise<void> => {
    const params = checkParams({ ...req.params }) as Record<string, string>;
    const scope = apiKeyScope(res);
    if (route.access === 'program' && !scopeAllows(scope, String(params.programId))) throw new Forbidden('this key may not act on that program');
    const query = checkQuery({ ...(req.query as Record<string, unknown>) }) as Record<string, unknown>;
    const body = checkBody(req.body);
    const requestId = String(res.locals.requestId);
    const answer = await route.handler({ params, query, body, scope, requestId, deps, req });
    if (route.audit && answer.status < 300) {
      if (!answer.audit) throw new Error(`admin route ${route.id} answered a write without an audit note`);
      await recordAudit(deps.models, {
        keyId: scope.keyId, action: route.audit, programId: typeof params.programId === 'string' ? params.programId : null,
        target: answer.audit.target, requestId, details: answer.audit.details, at: deps.clock.now(),
      });
    }
    send(res, answer);
  };
}

export function adminRoutes(deps: AppDeps, routes: readonly AdminRoute[] = adminRouteList): Router {
  const router = Router();
  const limiter = rateLimit({
    windowMs: 60_000,
    limit: deps.config.adminRateLimitPerMinute,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: (_req, _res, next) => next(new HttpError(429, 'RATE_LIMITED', 'too many requests; slow down')),
  });
  router.use('/admin', helmet(), limiter, requestId);
  const document = buildOpenApi(routes);
  router.get(OPENAPI_PATH, (_req, res) => {
    res.json(document);
  });
  router.use(docsRoutes(OPENAPI_PATH));
  router.use(queueBoardRoutes(deps));
  const auth = requireApiKey(deps.config.adminApiKeys);
  const parseJson = express.json({ limit: deps.config.bodyLimitBytes, strict: true });
  for (const route of routes) router[route.method](expressPath(route.path), auth, parseJson, handlerOf(route, deps));
  return router;
}
