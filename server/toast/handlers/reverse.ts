/**
 * LOYALTY_REVERSE: `transactionId` names an earlier REDEEM or ACCRUE; what is reversed and how is
 * decided in server/loyalty/reversal/reverse.ts. This handler adds only the Toast contract: with
 * a null loyaltyIdentifier the answer is always ACCEPT (contract §2.5), but a reversal the id
 * identifies is still carried out.
 */
import { LoyaltyError } from '../../loyalty/errors.js';
import { reverseTransaction } from '../../loyalty/reversal/reverse.js';
import { normalizeRedemptions } from '../normalize/index.js';
import type { ToastHandler } from './handler.js';

export const reverseHandler: ToastHandler<'LOYALTY_REVERSE'> = {
  type: 'LOYALTY_REVERSE',
  identifierOf: (body) => body.reverseTransactionInformation.loyaltyIdentifier ?? null,
  async handle({ deps, program, body, transactionGuid, now }) {
    const info = body.reverseTransactionInformation;
    try {
      await reverseTransaction(deps, {
        programId: program.programId, restaurantGuid: program.restaurantGuid, transactionId: info.transactionId,
        reverseTransactionGuid: transactionGuid, listed: normalizeRedemptions(info.redemptions), now,
      });
    } catch (err) {
      const lenient = info.loyaltyIdentifier == null;
      if (!(lenient && err instanceof LoyaltyError)) throw err;
    }
    return { response: {} };
  },
};
