/**
 * Schemas of the bodies we send (contract §3.2). Stricter than the request side: we produce
 * these, so unknown members are refused (catches typos) and amounts must be JSON numbers with
 * at most two decimals. Identifiers we echo back from Toast are bounded strings without a
 * pattern, since they are Toast's. Per-type rules that JSON Schema expresses badly live in
 * validate-response.ts.
 */
import { ajv } from './ajv.js';
import { LIMITS, nullable, responseAmount, responseDateTime, text, type Schema } from './primitives.js';
import { TRANSACTION_STATUSES } from '../statuses.js';

const n = nullable;

/** A closed object: exactly the declared members. */
function closed(properties: Record<string, Schema>, required: string[] = []): Schema {
  return { type: 'object', properties, required, additionalProperties: false };
}

const id: Schema = { type: 'string', minLength: 1, maxLength: LIMITS.loyaltyIdentifier };
const count: Schema = { type: 'number', minimum: 0, maximum: 1e6 };

const accountInfo: Schema = closed({
  identifier: id,
  firstName: n(text(LIMITS.name)),
  lastName: n(text(LIMITS.name)),
  phone: n(text(32)),
  email: n(text(LIMITS.email)),
  pointsBalance: n({ anyOf: [{ type: 'string', maxLength: 32 }, { type: 'number', minimum: -1e12, maximum: 1e12 }] }),
}, ['identifier']);

const itemRedemptionInfo: Schema = closed({
  selectionIdentifier: id,
  amount: n(responseAmount({ nonNegative: true })),
  appliedDiscountIdentifier: n(id),
}, ['selectionIdentifier']);

const itemApplication = n({ type: 'array', items: itemRedemptionInfo, maxItems: LIMITS.itemApplication });

const offer: Schema = closed({
  identifier: id,
  name: text(LIMITS.shortText),
  applicable: { type: 'boolean' },
  selectionType: { enum: ['CHECK', 'ITEM', 'MULTI_ITEM'] },
  itemApplication,
  amount: n(responseAmount({ nonNegative: true })),
  quantity: n(count),
  expiration: n({ type: 'array', maxItems: 50, items: closed({ date: n(responseDateTime), quantity: n(count) }) }),
  description: n(text(200)),
  autoApply: n({ type: 'boolean' }),
}, ['identifier', 'name', 'applicable', 'selectionType']);

const redemptionProperties: Record<string, Schema> = {
  identifier: id,
  selectionGuid: n(id),
  appliedDiscountGuid: n(id),
  multiItemDiscountGuid: n(id),
  amount: n(responseAmount({ nonNegative: true })),
  itemApplication,
  quantity: n(count),
  name: n(text(200)),
};

/** Redemption as echoed in `appliedRedemptions`. */
export const responseRedemption: Schema = closed(redemptionProperties, ['identifier']);

const rejectedRedemption: Schema = closed({
  // The POS removes the discount by this GUID, so it is required here (contract §2.3).
  redemption: closed({ ...redemptionProperties, appliedDiscountGuid: id }, ['identifier', 'appliedDiscountGuid']),
  message: n(text(LIMITS.shortText)),
}, ['redemption']);

const responseCheck: Schema = closed({
  accountInfo: n(accountInfo),
  offers: n({ type: 'array', items: offer, maxItems: 200 }),
  rejectedRedemptions: n({ type: 'array', items: rejectedRedemption, maxItems: LIMITS.redemptions }),
  appliedRedemptions: n({ type: 'array', items: responseRedemption, maxItems: LIMITS.redemptions }),
  userMessage: n(text(LIMITS.shortText)),
  redemptionLimit: n(closed({ maxRedemptions: n({ type: 'integer', minimum: 0, maximum: 1000 }) }, ['maxRedemptions'])),
});

const loyaltyTransactionResponse: Schema = closed({
  transactionStatus: { enum: [...TRANSACTION_STATUSES] },
  message: text(LIMITS.longText),
  searchResponse: closed({ accounts: { type: 'array', items: accountInfo, maxItems: 100 } }, ['accounts']),
  checkResponse: responseCheck,
  signupResponse: closed({ loyaltyIdentifier: id }, ['loyaltyIdentifier']),
  transferResponse: closed({ loyaltyIdentifier: id }, ['loyaltyIdentifier']),
}, ['transactionStatus']);

/** Compiled validators for the whole body and for a single Redemption (fixtures hold fragments). */
export const validateResponseBody = ajv.compile(loyaltyTransactionResponse);
export const validateResponseRedemption = ajv.compile(responseRedemption);
