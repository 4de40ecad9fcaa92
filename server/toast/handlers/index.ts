/** Every Toast transaction handler, one per `Toast-Transaction-Type`. */
import type { TransactionType } from '../transaction-types.js';
import { accrueHandler } from './accrue.js';
import type { AnyToastHandler } from './handler.js';
import { inquireHandler } from './inquire.js';
import { redeemHandler } from './redeem.js';
import { reverseHandler } from './reverse.js';
import { searchHandler } from './search.js';
import { signupHandler } from './signup.js';
import { transferHandler } from './transfer.js';

export const toastHandlers: readonly AnyToastHandler[] = [
  searchHandler, inquireHandler, redeemHandler, accrueHandler, reverseHandler, signupHandler, transferHandler,
];

const byType = new Map<TransactionType, AnyToastHandler>(toastHandlers.map((h) => [h.type, h]));

/** The handler for `type`, or undefined for a type nobody handles. */
export function handlerFor(type: TransactionType): AnyToastHandler | undefined {
  return byType.get(type);
}
