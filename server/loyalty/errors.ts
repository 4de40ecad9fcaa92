/**
 * The closed set of domain errors the loyalty services raise. Each carries a stable `code`;
 * transports map codes to their own vocabulary in one place (Toast: server/toast/error-status.ts).
 * Messages are for logs and never carry PII. Expected outcomes (a rejected redemption, a duplicate
 * request) are return values, not errors.
 */
export const LoyaltyErrorCode = {
  /** No such account in this program (or it may not be used). */
  ACCOUNT_INVALID: 'ACCOUNT_INVALID',
  /** The request is well-formed JSON but its values make no sense (e.g. a malformed phone). */
  INVALID_INPUT: 'INVALID_INPUT',
  /** SIGNUP: the phone or email already belongs to an account of this program. */
  ALREADY_REGISTERED: 'ALREADY_REGISTERED',
  /** TRANSFER: unknown source account, or the target identifier is already in use. */
  INVALID_TRANSFER: 'INVALID_TRANSFER',
  /** REVERSE: no transaction with that id (or a listed redemption is not part of it). */
  TRANSACTION_DOES_NOT_EXIST: 'TRANSACTION_DOES_NOT_EXIST',
  /** REVERSE: the target is not a REDEEM or an ACCRUE. */
  TRANSACTION_CANNOT_BE_REVERSED: 'TRANSACTION_CANNOT_BE_REVERSED',
} as const;

export type LoyaltyErrorCode = (typeof LoyaltyErrorCode)[keyof typeof LoyaltyErrorCode];

export class LoyaltyError extends Error {
  constructor(readonly code: LoyaltyErrorCode, message: string = code) {
    super(message);
    this.name = 'LoyaltyError';
  }
}
