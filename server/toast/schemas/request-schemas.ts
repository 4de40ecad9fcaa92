/**
 * Request body schemas, one per transaction type (contract §3.1). Each checks the envelope
 * (`toastTransactionType` null/absent or equal to the type, handled in validate.ts) and the one
 * member that carries this type's data; members belonging to other types are ignored.
 */
import { ajv } from './ajv.js';
import { CHECK_SCHEMA_ID, REDEMPTION_SCHEMA_ID } from './check-schemas.js';
import { LIMITS, array, email, guid, keyedIdentifier, loyaltyIdentifier, nullable, object, phone, text, type Schema } from './primitives.js';
import type { TransactionType } from '../transaction-types.js';

const n = nullable;
// The member-count keywords sit in `allOf`: ajv 8.20 skips a custom keyword that follows
// `propertyNames` on an empty object (`{}` passed), reproduced in test/unit/toast.
const redemptions = n(array({ $ref: REDEMPTION_SCHEMA_ID }, LIMITS.redemptions));

/** SEARCH: at least one criterion a non-empty string; a present phone must be 10 digits. */
const searchInformation: Schema = object({
  searchCriteria: {
    ...object({ firstName: n(text(LIMITS.name)), lastName: n(text(LIMITS.name)), email: n(email), phone: n(phone) }),
    allOf: [{ 'x-at-least-one-of': ['firstName', 'lastName', 'email', 'phone'] }],
  },
}, ['searchCriteria']);

/**
 * INQUIRE / REDEEM: the account is the subject. It is named by `loyaltyIdentifier` or, failing
 * that, by `check.appliedLoyaltyInfo.loyaltyIdentifier` (validate-request.ts requires one).
 */
const checkInformationWithAccount: Schema = object({
  loyaltyIdentifier: n(keyedIdentifier),
  orderGuid: n(guid),
  check: { $ref: CHECK_SCHEMA_ID },
  redemptions,
}, ['check']);

/** ACCRUE: Toast sends it with or without an account (`loyaltyIdentifier` null). */
const accrueInformation: Schema = object({
  loyaltyIdentifier: n(keyedIdentifier),
  orderGuid: n(guid),
  check: { $ref: CHECK_SCHEMA_ID },
  redemptions,
}, ['check']);

/** REVERSE: `transactionId` is the earlier request's Toast-Transaction-GUID. */
const reverseInformation: Schema = object({
  loyaltyIdentifier: n(keyedIdentifier),
  transactionId: { type: 'string', minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9._:-]+$' },
  redemptions,
}, ['transactionId']);

/** SIGNUP: exactly one of phone / email is a string (the other absent or null). */
const signupInformation: Schema = {
  ...object({ phone: n(phone), email: n(email) }),
  allOf: [{ 'x-exactly-one-of': ['phone', 'email'] }],
};

const transferInformation: Schema = object(
  { fromLoyaltyIdentifier: keyedIdentifier, toLoyaltyIdentifier: loyaltyIdentifier },
  ['fromLoyaltyIdentifier', 'toLoyaltyIdentifier'],
);

const MEMBER_SCHEMAS: Record<TransactionType, [string, Schema]> = {
  LOYALTY_SEARCH: ['searchTransactionInformation', searchInformation],
  LOYALTY_INQUIRE: ['checkTransactionInformation', checkInformationWithAccount],
  LOYALTY_REDEEM: ['checkTransactionInformation', checkInformationWithAccount],
  LOYALTY_ACCRUE: ['checkTransactionInformation', accrueInformation],
  LOYALTY_REVERSE: ['reverseTransactionInformation', reverseInformation],
  LOYALTY_SIGNUP: ['signupTransactionInformation', signupInformation],
  LOYALTY_TRANSFER: ['transferTransactionInformation', transferInformation],
};

/** The whole body schema for `type`. */
export function requestSchema(type: TransactionType): Schema {
  const [member, schema] = MEMBER_SCHEMAS[type];
  return object({
    toastTransactionType: n({ type: 'string', maxLength: 64 }),
    [member]: schema,
  }, [member]);
}

/** Compiled at module load, once per type. */
export const requestValidators = Object.fromEntries(
  Object.keys(MEMBER_SCHEMAS).map((type) => [type, ajv.compile(requestSchema(type as TransactionType))]),
) as Record<TransactionType, ReturnType<typeof ajv.compile>>;
