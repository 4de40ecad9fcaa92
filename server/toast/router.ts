/**
 * `POST /toast/loyalty`, the Toast webhook. Checks run in this order, each answering in Toast's
 * vocabulary: Authorization → restaurant → `Toast-Transaction-Type` → `Toast-Transaction-GUID`
 * → body (parsed only now, with its own size limit) → the type's handler. Any other method is
 * 400 with an empty body (as Toast's reference implementation does). Every refusal carries a
 * `message` naming the header or JSON path and the rule broken (never a value), and is logged at
 * warn with the transaction GUID (respond.ts `refusal`). An unexpected failure is
 * 500 `{"transactionStatus":"ERROR"}` with nothing internal in it.
 */
import express, { Router, type NextFunction, type Request, type Response } from 'express';
import type { AppDeps } from '../http/deps.js';
import { loadProgramContext } from '../loyalty/programs/program-context.js';
import { verifyStaticKey, verifyToastJwt } from './auth.js';
import { dispatch, type ToastRequestContext } from './dispatch.js';
import { refusal, send, statusResponse, type RefusalContext } from './respond.js';
import { isTransactionType } from './transaction-types.js';

export const TOAST_PATH = '/toast/loyalty';

/** GUID-like header values: bounded printable tokens (they end up in keys and logs). */
const HEADER_TOKEN = /^[A-Za-z0-9._:-]{1,128}$/;

type Locals = Partial<ToastRequestContext> & { restaurantGuid?: string };
const locals = (res: Response): Locals => res.locals as Locals;

/** What a refusal logs: the type and GUID headers when usable (both are bounded tokens, never PII). */
function refusalContext(deps: AppDeps, req: Request): RefusalContext {
  const type = req.get('toast-transaction-type');
  const guid = req.get('toast-transaction-guid') ?? '';
  return { logger: deps.logger, type: isTransactionType(type) ? type : null, transactionGuid: HEADER_TOKEN.test(guid) ? guid : null };
}

/** Why a body-parser refused the body, in words (its own messages may quote the body). */
function parseFailure(err: { type?: string }, limit: number): string {
  switch (err.type) {
    case 'entity.parse.failed': return 'body: is not valid JSON';
    case 'entity.too.large': return `body: is larger than ${limit} bytes`;
    case 'encoding.unsupported': case 'charset.unsupported': return 'body: has an unsupported encoding or charset';
    default: return 'body: could not be read';
  }
}

function authenticate(deps: AppDeps) {
  const { toastAuthMode, toastApiKeys, toastJwtPublicKey } = deps.config;
  return (req: Request, res: Response, next: NextFunction): void => {
    const header = req.get('authorization');
    const ok = toastAuthMode === 'jwt' ? verifyToastJwt(header, toastJwtPublicKey, deps.clock.now()) : verifyStaticKey(header, toastApiKeys);
    if (ok) next();
    else send(res, refusal({ ...refusalContext(deps, req), type: null }, 'ERROR_INVALID_TOKEN', 'Authorization: is not a valid Toast credential'));
  };
}

function resolveRestaurant(deps: AppDeps) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const guid = req.get('toast-restaurant-external-id') ?? '';
    const program = HEADER_TOKEN.test(guid) ? await loadProgramContext(deps.models, guid) : null;
    if (!program) return send(res, refusal({ ...refusalContext(deps, req), type: null }, 'ERROR_INVALID_RESTAURANT', 'Toast-Restaurant-External-ID: is not a restaurant of any program'));
    locals(res).program = program;
    next();
  };
}

function requireHeaders(deps: AppDeps) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const ctx = refusalContext(deps, req);
    const type = req.get('toast-transaction-type');
    if (!isTransactionType(type)) {
      return send(res, refusal(ctx, 'ERROR_INVALID_TOAST_TRANSACTION_TYPE', 'Toast-Transaction-Type: is not a loyalty transaction type'));
    }
    const guid = req.get('toast-transaction-guid') ?? '';
    if (!HEADER_TOKEN.test(guid)) {
      return send(res, refusal(ctx, 'ERROR_INVALID_INPUT_PROPERTIES', 'Toast-Transaction-GUID: must be 1-128 characters of A-Z a-z 0-9 . _ : -'));
    }
    Object.assign(locals(res), { type, transactionGuid: guid });
    next();
  };
}

/** Body-parser failures (malformed JSON, too large, bad encoding) are the client's: 400. */
function toastErrors(deps: AppDeps) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction): void => {
    if (res.headersSent) return;
    const type = locals(res).type ?? null;
    const status = (err as { status?: number; type?: string }).status;
    if ((err as { type?: string }).type !== undefined && typeof status === 'number' && status >= 400 && status < 500) {
      return send(res, refusal(refusalContext(deps, req), 'ERROR_INVALID_INPUT_PROPERTIES', parseFailure(err as { type?: string }, deps.config.bodyLimitBytes)));
    }
    deps.logger.error({ err, type, path: req.path }, 'toast request failed');
    send(res, statusResponse(type, 'ERROR'));
  };
}

export function toastRoutes(deps: AppDeps): Router {
  const router = Router();
  // Any content type is read as JSON: Toast always sends JSON, and a wrong header must not turn
  // a valid body into a schema error of its own kind.
  const parseJson = express.json({ limit: deps.config.bodyLimitBytes, type: () => true, strict: true });
  router.post(TOAST_PATH, authenticate(deps), resolveRestaurant(deps), requireHeaders(deps), parseJson, async (req, res) => {
    send(res, await dispatch(deps, locals(res) as ToastRequestContext, req.body));
  });
  router.all(TOAST_PATH, (_req, res) => {
    res.status(400).end();
  });
  router.use(TOAST_PATH, toastErrors(deps));
  return router;
}
