/**
 * Toast edge schemas: request validation per transaction type, response validation, and the
 * TypeScript shapes of both. Importing this module compiles every schema once.
 */
export { validateToastRequest, type RequestValidation } from './validate-request.js';
export { validateToastResponse } from './validate-response.js';
export { requestSchema } from './request-schemas.js';
export { validateResponseRedemption } from './response-schemas.js';
export { LIMITS, MAX_DOLLARS } from './primitives.js';
export type * from './request-types.js';
export type * from './response-types.js';
export {
  TransactionType, TRANSACTION_TYPES, isTransactionType, REQUEST_MEMBER, RESPONSE_MEMBER, type CheckTransactionType,
} from '../transaction-types.js';
export { TransactionStatus, TRANSACTION_STATUSES, isTransactionStatus, httpStatusFor } from '../statuses.js';
