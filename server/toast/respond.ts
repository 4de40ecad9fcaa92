/** Writing Toast answers: always `application/json`, the body string sent exactly as stored. */
import type { Response } from 'express';
import type { StoredResponse } from '../loyalty/idempotency.js';
import { httpStatusFor, type TransactionStatus } from './statuses.js';
import type { TransactionType } from './transaction-types.js';

/** A body-only answer (every error, and REVERSE's ACCEPT). */
export function statusResponse(type: TransactionType | null, status: TransactionStatus): StoredResponse {
  return { status: httpStatusFor(type, status), body: JSON.stringify({ transactionStatus: status }) };
}

export function send(res: Response, response: StoredResponse): void {
  res.status(response.status).type('application/json').send(response.body);
}
