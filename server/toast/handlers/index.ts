/** Every Toast transaction handler, one per `Toast-Transaction-Type`. */
import type { TransactionType } from '../transaction-types.js';
import { accrueHandler } from './accrue';
import type { AnyToastHandler } from './handler';
import { inquireHandler } from './inquire';
import { redeemHandler } from './redeem';
import { reverseHandler } from './reverse';
import { searchHandler } from './search';
import { signupHandler } from './signup';
import { transferHandler } from './transfer';

export const toastHandlers: readonly AnyToastHandler[] = [
  searchHandler, inquireHandler, redeemHandler, accrueHandler, reverseHandler, signupHandler, transferHandler,
];

const byType = new Map<TransactionType, AnyToastHandler>(toastHandlers.map((h) => [h.type, h]));

/** The handler for `type`, or undefined for a type nobody handles. */
export function handlerFor(type: TransactionType): AnyToastHandler | undefined {
  return byType.get(type);
}
