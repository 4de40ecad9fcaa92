/**
 * Schemas of the bodies we send (contract §3.2). Stricter than the request side: we produce
 * these, so unknown members are refused (catches typos) and amounts must be JSON numbers with
 * at most two decimals; a member without a value is left out, never `null` (Toast's OpenAPI
 * declares only `maxRedemptions` nullable). Identifiers we echo back from Toast are bounded strings without a
 * pattern, since they are Toast's. Per-type rules that JSON Schema expresses badly live in
 * validate-response.ts.
 */
import { ajv } from './ajv.js';
import { LIMITS, nullable, responseAmount, responseDateTime, text, type Schema } from './primitives.js';
import { TRANSACTION_STATUSES } from '../statuses.js';

/** A closed object: exactly the declared members. */
function closed(properties: Record<string, Schema>, required: string[] = []): Schema {
  return { type: 'object', properties, required, additionalProperties: false };
}

const id: Schema = { type: 'string', minLength: 1, maxLength: LIMITS.loyaltyIdentifier };
const count: Schema = { type: 'number', minimum: 0, maximum: 1e6 };

const accountInfo: Schema = closed({
  identifier: id,
  firstName: text(LIMITS.name),
  lastName: text(LIMITS.name),
  phone: text(32),
  email: text(LIMITS.email),
  // A string in Toast's OpenAPI (its examples show numbers; the definition wins).
  pointsBalance: { type: 'string', pattern: '^-?[0-9]{1,12}$' },
}, ['identifier']);

const itemRedemptionInfo: Schema = closed({
  selectionIdentifier: id,
  amount: responseAmount({ nonNegative: true }),
  appliedDiscountIdentifier: id,
}, ['selectionIdentifier']);

const itemApplication: Schema = { type: 'array', items: itemRedemptionInfo, maxItems: LIMITS.itemApplication };

const offer: Schema = closed({
  identifier: id,
  name: text(LIMITS.shortText),
  applicable: { type: 'boolean' },
  selectionType: { enum: ['CHECK', 'ITEM', 'MULTI_ITEM'] },
  itemApplication,
  amount: responseAmount({ nonNegative: true }),
  quantity: count,
  expiration: { type: 'array', maxItems: 50, items: closed({ date: responseDateTime, quantity: count }) },
  description: text(200),
  autoApply: { type: 'boolean' },
}, ['identifier', 'name', 'applicable', 'selectionType']);

const redemptionProperties: Record<string, Schema> = {
  identifier: id,
  itemId: id,
  selectionGuid: id,
  appliedDiscountGuid: id,
  multiItemDiscountGuid: id,
  amount: responseAmount({ nonNegative: true }),
  itemApplication,
  quantity: count,
  name: text(200),
};

/** Redemption as echoed in `appliedRedemptions`. */
export const responseRedemption: Schema = closed(redemptionProperties, ['identifier']);

/**
 * A rejection echoes what Toast sent (003: every invalid redemption is answered), so nothing in
 * it is required: a redemption Toast sent without GUIDs is still answered.
 */
const rejectedRedemption: Schema = closed({
  redemption: closed(redemptionProperties),
  message: text(LIMITS.shortText),
}, ['redemption']);

const responseCheck: Schema = closed({
  accountInfo,
  offers: { type: 'array', items: offer, maxItems: 200 },
  rejectedRedemptions: { type: 'array', items: rejectedRedemption, maxItems: LIMITS.redemptions },
  appliedRedemptions: { type: 'array', items: responseRedemption, maxItems: LIMITS.redemptions },
  userMessage: text(LIMITS.shortText),
  // The only nullable member of Toast's OpenAPI: null = unlimited.
  redemptionLimit: closed({ maxRedemptions: nullable({ type: 'integer', minimum: 0, maximum: 1000 }) }, ['maxRedemptions']),
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
