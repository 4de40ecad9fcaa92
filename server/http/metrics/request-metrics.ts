/**
 * The one instrumentation point of HTTP traffic: a middleware mounted first in `buildApp`. It
 * counts every request by API and status code and, for the Toast webhook, times it by
 * transaction type and the `transactionStatus` of the answer (read from the body as it is sent,
 * so the Toast code needs no hooks). Label values are closed sets.
 */
import type { NextFunction, Request, Response } from 'express';
import { isTransactionStatus } from '../../toast/statuses.js';
import { TOAST_PATH } from '../../toast/router.js';
import { isTransactionType } from '../../toast/transaction-types.js';
import type { AppDeps } from '../deps.js';
import { appMetrics } from './app-metrics.js';

const statusInBody = /"transactionStatus"\s*:\s*"([A-Z_]{1,64})"/;

function apiOf(path: string): string {
  if (path === TOAST_PATH) return 'toast';
  if (path === '/admin' || path.startsWith('/admin/')) return 'admin';
  if (path.startsWith('/v1/claims')) return 'claims';
  if (path === '/healthz' || path === '/readyz') return 'health';
  if (path === '/metrics') return 'metrics';
  return 'other';
}

/** The transactionStatus of a Toast answer body, or OTHER / NONE. */
export function transactionStatusOf(body: unknown): string {
  const text = typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.toString('utf8') : '';
  const found = statusInBody.exec(text)?.[1];
  if (found === undefined) return 'NONE';
  return isTransactionStatus(found) ? found : 'OTHER';
}

export function requestMetrics(deps: AppDeps) {
  const metrics = appMetrics(deps);
  return (req: Request, res: Response, next: NextFunction): void => {
    const api = apiOf(req.path);
    const started = process.hrtime.bigint();
    let status = 'NONE';
    if (api === 'toast') {
      // Every answer's body passes through `end` (the webhook writes it there directly).
      const end = res.end.bind(res) as (...args: unknown[]) => Response;
      res.end = ((...args: unknown[]) => {
        if (typeof args[0] !== 'function') status = transactionStatusOf(args[0]);
        return end(...args);
      }) as Response['end'];
    }
    res.once('finish', () => {
      const code = String(res.statusCode);
      metrics.httpRequests.inc({ api, code });
      if (api !== 'toast') return;
      const header = req.get('toast-transaction-type');
      const type = header === undefined ? 'NONE' : isTransactionType(header) ? header : 'OTHER';
      metrics.toastRequests.inc({ type, status, code });
      metrics.toastDuration.observe({ type, status }, Number(process.hrtime.bigint() - started) / 1e9);
    });
    next();
  };
}
