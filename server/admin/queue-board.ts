/**
 * `/admin/queues`: the bull-board UI over every BullMQ queue. Queues hold jobs of every program,
 * so only a `KEY:*` admin key opens it (403 for a key scoped to programs). A browser logs in with
 * HTTP Basic (any user name, the key as password: the 401 carries `WWW-Authenticate: Basic`);
 * tools send `Authorization: Bearer <key>`. Job actions (retry, clean, remove…) are recorded in
 * the audit log before they run.
 */
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Router, type NextFunction, type Request, type Response } from 'express';
import { scopeOfKey } from '../http/api-key-auth.js';
import type { AppDeps } from '../http/deps.js';
import { Forbidden, Unauthorized } from '../http/errors.js';
import { observedQueues } from '../http/observed-queues.js';
import { recordAudit } from './audit.js';

export const QUEUES_PATH = '/admin/queues';

/** The key of a Basic (password part) or Bearer Authorization header; null when there is none. */
export function boardKey(authorization: string | undefined): string | null {
  if (authorization === undefined) return null;
  if (/^Bearer /i.test(authorization)) return authorization.slice(7).trim();
  if (!/^Basic /i.test(authorization)) return null;
  const decoded = Buffer.from(authorization.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon >= 0 ? decoded.slice(colon + 1) : decoded;
}

function requireAllProgramsKey(deps: AppDeps) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const scope = scopeOfKey(boardKey(req.get('authorization')), deps.config.adminApiKeys);
    if (!scope) {
      res.set('WWW-Authenticate', 'Basic realm="Perkwire queues", charset="UTF-8"');
      return next(new Unauthorized());
    }
    if (!scope.allPrograms) return next(new Forbidden('the queue board needs a key for every program (KEY:*)'));
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      await recordAudit(deps.models, {
        keyId: scope.keyId, action: `queue.${req.method.toLowerCase()}`, programId: null,
        target: req.path.slice(0, 300), requestId: String(res.locals.requestId ?? ''), at: deps.clock.now(),
      });
    }
    next();
  };
}

export function queueBoardRoutes(deps: AppDeps): Router {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(QUEUES_PATH);
  createBullBoard({
    queues: observedQueues(deps).map((q) => new BullMQAdapter(q)),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Perkwire queues' } },
  });
  const router = Router();
  router.use(QUEUES_PATH, requireAllProgramsKey(deps), serverAdapter.getRouter());
  return router;
}
