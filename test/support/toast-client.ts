/**
 * Sends Toast requests to a test app and checks every answer against the response contract —
 * our own response schema (HTTP status mapping, per-type rules) AND Toast's published OpenAPI
 * response schema (with its one stated exception, the 500 ERROR; see toast-published.ts): a test
 * can only see valid responses.
 */
import { expect } from 'chai';
import type { Express } from 'express';
import request from 'supertest';
import { validateToastResponse } from '../../server/toast/schemas/index.js';
import type { LoyaltyTransactionResponse } from '../../server/toast/schemas/index.js';
import type { TransactionType } from '../../server/toast/transaction-types.js';
import { toastHeaders } from './toast-requests.js';
import { publishedResponseErrors } from './toast-published.js';

export interface ToastReply {
  status: number;
  /** Raw body text (byte-level comparisons). */
  text: string;
  body: LoyaltyTransactionResponse;
}

export interface CallOptions {
  guid?: string;
  restaurant?: string;
  authorization?: string;
  /** Header type when it must differ from `type` (null: no type header). */
  headerType?: string | null;
}

/** Asserts that a reply conforms to the contract and returns it. */
export function expectValid(type: TransactionType | null, status: number, text: string): ToastReply {
  expect(() => JSON.parse(text), `not JSON: ${text}`).not.to.throw();
  const body = JSON.parse(text) as LoyaltyTransactionResponse;
  expect(validateToastResponse(type, status, body), text).to.deep.equal([]);
  expect(publishedResponseErrors(status, body), `Toast's published schema: ${text}`).to.deep.equal([]);
  return { status, text, body };
}

/** POSTs `body` as a Toast request of `type`; validates the answer. */
export async function toast(app: Express, type: TransactionType, body: unknown, opts: CallOptions = {}): Promise<ToastReply> {
  const headers = toastHeaders(type, opts);
  if (opts.headerType === null) delete (headers as Record<string, string | undefined>)['Toast-Transaction-Type'];
  else if (opts.headerType !== undefined) headers['Toast-Transaction-Type'] = opts.headerType;
  const res = await request(app).post('/toast/loyalty').set(headers).send(body as object);
  const known = opts.headerType === undefined ? type : null;
  return expectValid(known, res.status, res.text);
}
