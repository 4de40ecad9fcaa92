/**
 * LOYALTY_REVERSE: `transactionId` names an earlier REDEEM (its redemptions, all or the listed
 * ones, are credited back) or ACCRUE (its points are taken back or its pending accrual
 * cancelled). Unknown id → ERROR_TRANSACTION_DOES_NOT_EXIST; any other type →
 * ERROR_TRANSACTION_CANNOT_BE_REVERSED. With a null loyaltyIdentifier the answer is always
 * ACCEPT (contract §2.5), but a reversal the id identifies is still carried out. Only
 * transactions of the requesting restaurant are found, never another location's.
 */
import { reverseAccrual } from '../../loyalty/accrual.js';
import { LoyaltyError } from '../../loyalty/errors.js';
import { findCompletedTransactions } from '../../loyalty/idempotency.js';
import { reverseRedemptions } from '../../loyalty/redeem-reversal.js';
import { normalizeRedemptions } from '../normalize/index.js';
import type { HandlerContext, ToastHandler } from './handler.js';

const REVERSIBLE = new Set(['LOYALTY_REDEEM', 'LOYALTY_ACCRUE']);

async function reverseTarget({ deps, program, body, transactionGuid, now }: HandlerContext<'LOYALTY_REVERSE'>): Promise<void> {
  const info = body.reverseTransactionInformation;
  const docs = await findCompletedTransactions(deps.models, program.restaurantGuid, info.transactionId);
  const target = docs.find((d) => REVERSIBLE.has(d.type));
  // Scoped to this restaurant: a GUID another location used names nothing here.
  const accrual = { programId: program.programId, restaurantGuid: program.restaurantGuid, transactionGuid: info.transactionId, reverseTransactionGuid: transactionGuid, now };
  if (!target) {
    if (docs.length > 0) throw new LoyaltyError('TRANSACTION_CANNOT_BE_REVERSED', 'target is not a REDEEM or ACCRUE');
    // An ACCRUE recorded although its answer was never stored (e.g. the process died first).
    if (await reverseAccrual(deps, accrual) !== 'NOT_FOUND') return;
    throw new LoyaltyError('TRANSACTION_DOES_NOT_EXIST', 'no such transaction');
  }
  if (target.type === 'LOYALTY_ACCRUE') {
    await reverseAccrual(deps, accrual);
    return;
  }
  if (!target.memberId) return;
  await reverseRedemptions({
    models: deps.models, programId: program.programId, restaurantGuid: program.restaurantGuid, memberId: target.memberId,
    transactionGuid: info.transactionId, committed: (target.redemptions ?? []).map((r) => ({
      ...r, appliedDiscountGuid: r.appliedDiscountGuid ?? null, multiItemDiscountGuid: r.multiItemDiscountGuid ?? null,
    })),
    listed: normalizeRedemptions(info.redemptions), now,
  });
}

export const reverseHandler: ToastHandler<'LOYALTY_REVERSE'> = {
  type: 'LOYALTY_REVERSE',
  identifierOf: (body) => body.reverseTransactionInformation.loyaltyIdentifier ?? null,
  async handle(ctx) {
    try {
      await reverseTarget(ctx);
    } catch (err) {
      const lenient = ctx.body.reverseTransactionInformation.loyaltyIdentifier == null;
      if (!(lenient && err instanceof LoyaltyError)) throw err;
    }
    return { response: {} };
  },
};
