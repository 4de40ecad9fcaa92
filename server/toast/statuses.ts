/**
 * Toast `transactionStatus` values and the one place that maps them to HTTP statuses.
 * Where Toast's sources disagree (contract §7.1, §7.2) the choice is recorded in
 * CONTRACT-CHOICES.md next to this file.
 */
import type { TransactionType } from './transaction-types.js';

/** Every `transactionStatus` we may send, by name (value = name). */
export const TransactionStatus = {
  ACCEPT: 'ACCEPT',
  ERROR_INVALID_TOAST_TRANSACTION_TYPE: 'ERROR_INVALID_TOAST_TRANSACTION_TYPE',
  ERROR_ACCOUNT_INVALID: 'ERROR_ACCOUNT_INVALID',
  ERROR_INVALID_INPUT_PROPERTIES: 'ERROR_INVALID_INPUT_PROPERTIES',
  ERROR_TRANSACTION_DOES_NOT_EXIST: 'ERROR_TRANSACTION_DOES_NOT_EXIST',
  ERROR_INVALID_TOKEN: 'ERROR_INVALID_TOKEN',
  ERROR_TRANSACTION_CANNOT_BE_REVERSED: 'ERROR_TRANSACTION_CANNOT_BE_REVERSED',
  ERROR_INVALID_RESTAURANT: 'ERROR_INVALID_RESTAURANT',
  ERROR_INVALID_TRANSFER: 'ERROR_INVALID_TRANSFER',
  ERROR_ALREADY_REGISTERED: 'ERROR_ALREADY_REGISTERED',
  /** Not in the OpenAPI enum; the dev guide and cookbook use it for unexpected failures. */
  ERROR: 'ERROR',
} as const;

/** One `transactionStatus` literal. */
export type TransactionStatus = (typeof TransactionStatus)[keyof typeof TransactionStatus];

/** Every status literal. */
export const TRANSACTION_STATUSES: readonly TransactionStatus[] = Object.freeze(Object.values(TransactionStatus));

/** True when `value` is exactly one of the status literals. */
export function isTransactionStatus(value: unknown): value is TransactionStatus {
  return typeof value === 'string' && (TRANSACTION_STATUSES as readonly string[]).includes(value);
}

/** HTTP statuses the webhook answers with. */
export type ToastHttpStatus = 200 | 400 | 404 | 500;

/** Types on which an unknown account is "not found" (OpenAPI ResponseSearch / ResponseCheck → 404). */
const NOT_FOUND_TYPES: ReadonlySet<string> = new Set(['LOYALTY_SEARCH', 'LOYALTY_INQUIRE', 'LOYALTY_REDEEM', 'LOYALTY_ACCRUE']);

/**
 * HTTP status for a `transactionStatus`. ACCEPT → 200; ERROR → 500 (cookbook);
 * ERROR_ACCOUNT_INVALID → 404 on SEARCH/INQUIRE/REDEEM/ACCRUE (OpenAPI), 400 elsewhere;
 * every other error → 400. `type` is null when the request's type header was unusable.
 */
export function httpStatusFor(type: TransactionType | null, status: TransactionStatus): ToastHttpStatus {
  switch (status) {
    case 'ACCEPT':
      return 200;
    case 'ERROR':
      return 500;
    case 'ERROR_ACCOUNT_INVALID':
      return type !== null && NOT_FOUND_TYPES.has(type) ? 404 : 400;
    default:
      return 400;
  }
}

/** Statuses any type may answer with (transport, auth, input and internal failures). */
const COMMON_STATUSES: readonly TransactionStatus[] = [
  'ACCEPT', 'ERROR_INVALID_TOAST_TRANSACTION_TYPE', 'ERROR_INVALID_INPUT_PROPERTIES',
  'ERROR_INVALID_TOKEN', 'ERROR_INVALID_RESTAURANT', 'ERROR',
];

/** Type-specific statuses, per the "used with" column of the contract's §4. */
const TYPE_STATUSES: Record<TransactionType, readonly TransactionStatus[]> = {
  LOYALTY_SEARCH: ['ERROR_ACCOUNT_INVALID'],
  LOYALTY_INQUIRE: ['ERROR_ACCOUNT_INVALID'],
  LOYALTY_REDEEM: ['ERROR_ACCOUNT_INVALID'],
  LOYALTY_ACCRUE: ['ERROR_ACCOUNT_INVALID'],
  LOYALTY_REVERSE: ['ERROR_ACCOUNT_INVALID', 'ERROR_TRANSACTION_DOES_NOT_EXIST', 'ERROR_TRANSACTION_CANNOT_BE_REVERSED'],
  LOYALTY_SIGNUP: ['ERROR_ALREADY_REGISTERED'],
  LOYALTY_TRANSFER: ['ERROR_ACCOUNT_INVALID', 'ERROR_INVALID_TRANSFER'],
};

/**
 * Whether `status` is one the contract allows for `type`. With no usable type only the common
 * statuses apply (and ACCEPT is impossible, but that is the dispatcher's concern).
 */
export function isStatusAllowedFor(type: TransactionType | null, status: TransactionStatus): boolean {
  if (COMMON_STATUSES.includes(status)) return true;
  return type !== null && TYPE_STATUSES[type].includes(status);
}
