/**
 * `validateToastRequest`: the one entry point for checking a Toast request body against the
 * schema of the type named by the `Toast-Transaction-Type` header.
 */
import { MAX_BODY_DEPTH, tooDeepAt } from './depth.js';
import { accountIdentifierOf } from '../account-identifier.js';
import { describeErrors } from './errors.js';
import { requestValidators } from './request-schemas.js';
import type { ToastRequestBody } from './request-types.js';
import type { TransactionType } from '../transaction-types.js';

/** Outcome of request validation. On failure, `code` is the `transactionStatus` to answer with. */
export type RequestValidation<T extends TransactionType> =
  | { ok: true; value: ToastRequestBody<T> }
  | {
    ok: false;
    /** Short, PII-free, names the JSON path, e.g. `/checkTransactionInformation/check: must have member guid`. */
    error: string;
    code: 'ERROR_INVALID_INPUT_PROPERTIES' | 'ERROR_INVALID_TOAST_TRANSACTION_TYPE';
  };

/**
 * Validates a parsed body for `type`. Never throws, whatever `body` is. A body nested deeper than
 * {@link MAX_BODY_DEPTH} levels anywhere (also inside members we ignore) is refused first. A body whose
 * `toastTransactionType` is present, non-null and different from `type` fails with
 * `ERROR_INVALID_TOAST_TRANSACTION_TYPE`; every other failure is `ERROR_INVALID_INPUT_PROPERTIES`.
 * The value returned is `body` itself (not copied, not coerced).
 */
export function validateToastRequest<T extends TransactionType>(type: T, body: unknown): RequestValidation<T> {
  const deep = tooDeepAt(body);
  if (deep !== null) {
    return { ok: false, code: 'ERROR_INVALID_INPUT_PROPERTIES', error: `${deep}: nests deeper than ${MAX_BODY_DEPTH} levels` };
  }
  const validate = requestValidators[type];
  if (!validate(body)) {
    return { ok: false, code: 'ERROR_INVALID_INPUT_PROPERTIES', error: describeErrors(validate.errors) };
  }
  const declared = (body as { toastTransactionType?: unknown }).toastTransactionType;
  if (declared !== undefined && declared !== null && declared !== type) {
    return { ok: false, code: 'ERROR_INVALID_TOAST_TRANSACTION_TYPE', error: '/toastTransactionType: does not match the Toast-Transaction-Type header' };
  }
  // INQUIRE and REDEEM are about an account: named by the request or by the check (Toast doc 002).
  if ((type === 'LOYALTY_INQUIRE' || type === 'LOYALTY_REDEEM')
    && accountIdentifierOf((body as ToastRequestBody<'LOYALTY_INQUIRE'>).checkTransactionInformation) === null) {
    return { ok: false, code: 'ERROR_INVALID_INPUT_PROPERTIES', error: '/checkTransactionInformation/loyaltyIdentifier: required unless check.appliedLoyaltyInfo.loyaltyIdentifier names the account' };
  }
  return { ok: true, value: body as ToastRequestBody<T> };
}
