/** Writing Toast answers: always `application/json`, the body string sent exactly as stored. */
import type { Response } from 'express';
import type { Logger } from 'pino';
import type { StoredResponse } from '../loyalty/idempotency/idempotency.js';
import { httpStatusFor, type TransactionStatus } from './statuses.js';
import type { TransactionType } from './transaction-types.js';

/** A body-only answer (every error, and REVERSE's ACCEPT). */
export function statusResponse(type: TransactionType | null, status: TransactionStatus): StoredResponse {
  return { status: httpStatusFor(type, status), body: JSON.stringify({ transactionStatus: status }) };
}

/** Where a refusal was decided, for its log line (never the body: it carries guest data). */
export interface RefusalContext {
  logger: Pick<Logger, 'warn'>;
  type: TransactionType | null;
  /** `Toast-Transaction-GUID`, when the request carried a usable one. */
  transactionGuid: string | null;
}

/**
 * A refused request (contract §7.3, issue 8 §8): the status, and a `message` naming the JSON path
 * or header and the rule broken — never a value from the request, never PII — which also goes to
 * a warn-level log line with the transaction GUID, so an integrator's refusal can be found.
 */
export function refusal(ctx: RefusalContext, status: TransactionStatus, message: string): StoredResponse {
  ctx.logger.warn({ type: ctx.type, transactionGuid: ctx.transactionGuid, transactionStatus: status, reason: message }, 'toast request refused');
  return { status: httpStatusFor(ctx.type, status), body: JSON.stringify({ transactionStatus: status, message: message.slice(0, 1000) }) };
}

/**
 * Writes the answer straight to the socket: the headers Express's `res.send` would set for a JSON
 * string (type with charset, length), without its per-request work this route never needs
 * (content-type lookup, freshness check against request headers, HEAD handling: Toast only POSTs).
 */
export function send(res: Response, response: StoredResponse): void {
  res.writeHead(response.status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(response.body) });
  res.end(response.body);
}
