/**
 * `validateToastResponse`: checks a response we send against the contract — the schema, the
 * HTTP status mapping, the statuses allowed per type, and the per-type rules of §2/§3.2 that
 * JSON Schema expresses badly. Used by tests on every response they see.
 */
import { describeErrors } from './errors.js';
import { validateResponseBody } from './response-schemas.js';
import type { LoyaltyTransactionResponse, Offer, ResponseCheck } from './response-types.js';
import { tryDollarsToCents } from '../money.js';
import { httpStatusFor, isStatusAllowedFor } from '../statuses.js';
import { RESPONSE_MEMBER, type TransactionType } from '../transaction-types.js';

const MEMBERS = ['searchResponse', 'checkResponse', 'signupResponse', 'transferResponse'] as const;

/** ITEM/MULTI_ITEM: applicable needs itemApplication; amount = Σ item amounts (in cents). */
function offerErrors(offer: Offer, index: number, isRedeem: boolean): string[] {
  const at = `/checkResponse/offers/${index}`;
  const errors: string[] = [];
  const items = offer.itemApplication ?? [];
  if (offer.selectionType !== 'CHECK' && offer.applicable && items.length === 0) {
    errors.push(`${at}: applicable ${offer.selectionType} offer needs itemApplication`);
  }
  if (isRedeem && (offer.amount === null || offer.amount === undefined)) errors.push(`${at}: amount is required on REDEEM`);
  items.forEach((item, i) => {
    if (isRedeem && (item.amount === null || item.amount === undefined)) {
      errors.push(`${at}/itemApplication/${i}: amount is required on REDEEM`);
    }
  });
  const amounts = items.map((item) => item.amount);
  if (offer.selectionType !== 'CHECK' && items.length > 0 && typeof offer.amount === 'number'
    && amounts.every((a) => typeof a === 'number')) {
    const sum = amounts.reduce<number>((s, a) => s + (tryDollarsToCents(a) ?? 0), 0);
    if (sum !== tryDollarsToCents(offer.amount)) errors.push(`${at}: amount must equal the sum of itemApplication amounts`);
  }
  return errors;
}

function checkResponseErrors(type: TransactionType, check: ResponseCheck | undefined): string[] {
  const errors: string[] = [];
  if (type === 'LOYALTY_INQUIRE' && !check?.accountInfo) errors.push('/checkResponse/accountInfo: required on INQUIRE');
  if (!check) return errors;
  if (type !== 'LOYALTY_INQUIRE' && check.redemptionLimit != null) errors.push('/checkResponse/redemptionLimit: INQUIRE only');
  (check.offers ?? []).forEach((offer, i) => errors.push(...offerErrors(offer, i, type === 'LOYALTY_REDEEM')));
  return errors;
}

/** Which members may / must appear on ACCEPT for `type`. */
function acceptErrors(type: TransactionType, body: LoyaltyTransactionResponse): string[] {
  const expected = RESPONSE_MEMBER[type];
  const errors = MEMBERS.filter((m) => m !== expected && body[m] !== undefined).map((m) => `/${m}: not expected on ${type}`);
  const optional = type === 'LOYALTY_REDEEM' || type === 'LOYALTY_ACCRUE';
  if (expected !== null && !optional && body[expected] === undefined) errors.push(`/${expected}: required on ${type}`);
  if (type === 'LOYALTY_SEARCH' && body.searchResponse?.accounts.length === 0) {
    errors.push('/searchResponse/accounts: no match is answered with 404 ERROR_ACCOUNT_INVALID');
  }
  if (expected === 'checkResponse') errors.push(...checkResponseErrors(type, body.checkResponse));
  return errors;
}

/**
 * Every way `body` sent with HTTP `httpStatus` for a request of `type` (null when the type
 * header was unusable) breaks the contract; empty when it conforms. Never throws.
 */
export function validateToastResponse(type: TransactionType | null, httpStatus: number, body: unknown): string[] {
  if (!validateResponseBody(body)) return [describeErrors(validateResponseBody.errors)];
  const response = body as LoyaltyTransactionResponse;
  const status = response.transactionStatus;
  const errors: string[] = [];
  const expectedHttp = httpStatusFor(type, status);
  if (httpStatus !== expectedHttp) errors.push(`HTTP ${httpStatus} but ${status} maps to ${expectedHttp}`);
  if (!isStatusAllowedFor(type, status)) errors.push(`/transactionStatus: ${status} is not used with ${type ?? 'an unknown type'}`);
  if (status !== 'ACCEPT') {
    const extra = MEMBERS.filter((m) => response[m] !== undefined);
    return [...errors, ...extra.map((m) => `/${m}: not expected with ${status}`)];
  }
  if (type === null) return [...errors, '/transactionStatus: ACCEPT needs a known transaction type'];
  return [...errors, ...acceptErrors(type, response)];
}
