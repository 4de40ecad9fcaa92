/**
 * The seven Toast loyalty transaction types and which body member carries each one's data.
 * Toast sends the type in the `Toast-Transaction-Type` header and repeats it in the body as
 * `toastTransactionType`; the header is what we dispatch on.
 */

/** Toast `Toast-Transaction-Type` values, by short name. */
export const TransactionType = {
  SEARCH: 'LOYALTY_SEARCH',
  INQUIRE: 'LOYALTY_INQUIRE',
  REDEEM: 'LOYALTY_REDEEM',
  ACCRUE: 'LOYALTY_ACCRUE',
  REVERSE: 'LOYALTY_REVERSE',
  SIGNUP: 'LOYALTY_SIGNUP',
  TRANSFER: 'LOYALTY_TRANSFER',
} as const;

/** One of the seven `LOYALTY_*` literals. */
export type TransactionType = (typeof TransactionType)[keyof typeof TransactionType];

/** Every transaction type, in the order of the contract's §2 table. */
export const TRANSACTION_TYPES: readonly TransactionType[] = Object.freeze(Object.values(TransactionType));

/** True when `value` is exactly (case-sensitive) one of the seven literals. */
export function isTransactionType(value: unknown): value is TransactionType {
  return typeof value === 'string' && (TRANSACTION_TYPES as readonly string[]).includes(value);
}

/** Types whose body member is `checkTransactionInformation`. */
export type CheckTransactionType = 'LOYALTY_INQUIRE' | 'LOYALTY_REDEEM' | 'LOYALTY_ACCRUE';

/** Request body member holding the data of each type (the others are absent or null). */
export const REQUEST_MEMBER = {
  LOYALTY_SEARCH: 'searchTransactionInformation',
  LOYALTY_INQUIRE: 'checkTransactionInformation',
  LOYALTY_REDEEM: 'checkTransactionInformation',
  LOYALTY_ACCRUE: 'checkTransactionInformation',
  LOYALTY_REVERSE: 'reverseTransactionInformation',
  LOYALTY_SIGNUP: 'signupTransactionInformation',
  LOYALTY_TRANSFER: 'transferTransactionInformation',
} as const satisfies Record<TransactionType, string>;

/** Response body member of each type on ACCEPT (REVERSE answers with `transactionStatus` only). */
export const RESPONSE_MEMBER = {
  LOYALTY_SEARCH: 'searchResponse',
  LOYALTY_INQUIRE: 'checkResponse',
  LOYALTY_REDEEM: 'checkResponse',
  LOYALTY_ACCRUE: 'checkResponse',
  LOYALTY_REVERSE: null,
  LOYALTY_SIGNUP: 'signupResponse',
  LOYALTY_TRANSFER: 'transferResponse',
} as const satisfies Record<TransactionType, string | null>;
