/**
 * The one place domain error codes become Toast `transactionStatus` values (the HTTP status then
 * follows from statuses.ts).
 */
import type { LoyaltyErrorCode } from '../loyalty/errors.js';
import type { TransactionStatus } from './statuses.js';

const STATUS_BY_CODE: Record<LoyaltyErrorCode, TransactionStatus> = {
  ACCOUNT_INVALID: 'ERROR_ACCOUNT_INVALID',
  INVALID_INPUT: 'ERROR_INVALID_INPUT_PROPERTIES',
  ALREADY_REGISTERED: 'ERROR_ALREADY_REGISTERED',
  INVALID_TRANSFER: 'ERROR_INVALID_TRANSFER',
  TRANSACTION_DOES_NOT_EXIST: 'ERROR_TRANSACTION_DOES_NOT_EXIST',
  TRANSACTION_CANNOT_BE_REVERSED: 'ERROR_TRANSACTION_CANNOT_BE_REVERSED',
};

export function transactionStatusFor(code: LoyaltyErrorCode): TransactionStatus {
  return STATUS_BY_CODE[code];
}
