import { percentOf } from '../money.js';
import type { PercentOffCheckReward } from '../types.js';
import type { RewardEffect } from './effect.js';

/**
 * A percentage of the check, recomputed from the current check on every call: the base is the
 * pre-discount subtotal minus Toast-configured discounts (so it does not shrink by its own discount).
 */
export const percentOffCheck: RewardEffect<PercentOffCheckReward> = {
  type: 'PERCENT_OFF_CHECK',
  selectionType: 'CHECK',
  price: (reward, input) => {
    let amountCents = percentOf(input.discountableCents, reward.percent);
    if (reward.maxDiscountCents !== undefined) amountCents = Math.min(amountCents, reward.maxDiscountCents);
    amountCents = Math.min(amountCents, input.remainingCents);
    return amountCents > 0 ? { ok: true, amountCents } : { ok: false, reason: 'NOTHING_TO_DISCOUNT' };
  },
};
