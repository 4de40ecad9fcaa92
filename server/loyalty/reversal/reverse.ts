/**
 * What happens on REVERSE: the transaction a REVERSE names is looked up among this restaurant's
 * completed transactions, and the choice is made here:
 *  - an earlier REDEEM → its redemptions (all, or the listed ones) are credited back
 *    (redeem-reversal.ts);
 *  - an earlier ACCRUE → its pending accrual is cancelled or its posted points taken back
 *    (`reverseAccrual` in ../accrual/accrual.ts);
 *  - an ACCRUE whose answer was never stored (the process died after recording it) → found by its
 *    accrual and reversed the same way;
 *  - unknown id → TRANSACTION_DOES_NOT_EXIST; any other type → TRANSACTION_CANNOT_BE_REVERSED.
 * Only transactions of the requesting restaurant are found, never another location's. Both
 * reversals are idempotent on their ledger sourceKeys, so a repeated REVERSE has no second effect.
 */
import type { SubmittedRedemption } from '../../../rules/index.js';
import type { Models } from '../../store/models/index.js';
import { reverseAccrual } from '../accrual/accrual.js';
import { LoyaltyError } from '../errors.js';
import { findCompletedTransactions } from '../idempotency/idempotency.js';
import { reverseRedemptions } from './redeem-reversal.js';

const REVERSIBLE = new Set(['LOYALTY_REDEEM', 'LOYALTY_ACCRUE']);

export interface ReverseTransactionInput {
  programId: string;
  restaurantGuid: string;
  /** The GUID of the transaction being reversed. */
  transactionId: string;
  /** The REVERSE's own Toast-Transaction-GUID. */
  reverseTransactionGuid: string;
  /** The redemptions the REVERSE lists (normalised at the edge); absent or empty: all of them. */
  listed: SubmittedRedemption[] | null | undefined;
  now: Date;
}

/** Carries out the reversal the REVERSE names; expected refusals are `LoyaltyError`s. */
export async function reverseTransaction(deps: { models: Models }, input: ReverseTransactionInput): Promise<void> {
  const { programId, restaurantGuid, transactionId, now } = input;
  const docs = await findCompletedTransactions(deps.models, restaurantGuid, transactionId);
  const target = docs.find((d) => REVERSIBLE.has(d.type));
  // Scoped to this restaurant: a GUID another location used names nothing here.
  const accrual = { programId, restaurantGuid, transactionGuid: transactionId, reverseTransactionGuid: input.reverseTransactionGuid, now };
  if (!target) {
    if (docs.length > 0) throw new LoyaltyError('TRANSACTION_CANNOT_BE_REVERSED', 'target is not a REDEEM or ACCRUE');
    // An ACCRUE recorded although its answer was never stored (e.g. the process died first).
    if (await reverseAccrual(deps, accrual) !== 'NOT_FOUND') return;
    throw new LoyaltyError('TRANSACTION_DOES_NOT_EXIST', 'no such transaction');
  }
  if (target.type === 'LOYALTY_ACCRUE') {
    await reverseAccrual(deps, { ...accrual, accrualId: target.accrualId ?? null, ...(target.member ? { member: target.member } : {}) });
    return;
  }
  if (!target.memberId) return;
  await reverseRedemptions({
    models: deps.models, programId, restaurantGuid, memberId: target.memberId, ...(target.member ? { start: target.member } : {}),
    transactionGuid: transactionId, committed: (target.redemptions ?? []).map((r) => ({
      ...r, appliedDiscountGuid: r.appliedDiscountGuid ?? null, multiItemDiscountGuid: r.multiItemDiscountGuid ?? null,
    })),
    listed: input.listed, now,
  });
}
