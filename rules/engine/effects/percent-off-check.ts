import { percentOf } from '../money.js';
import type { PercentOffCheckReward } from '../types.js';
import type { RewardEffect } from './effect.js';

/**
 * A percentage of what the check still owes after the loyalty discounts priced before it
 * (item-level rewards come first): on a $40 check with a $10 free burger, 10% off is $3.00. It
 * never shrinks by its own discount, so it is the same on every call for the same check.
 */
export const percentOffCheck: RewardEffect<PercentOffCheckReward> = {
  type: 'PERCENT_OFF_CHECK',
  selectionType: 'CHECK',
  price: (reward, input) => {
    let amountCents = percentOf(Math.max(0, input.baseCents), reward.percent);
    if (reward.maxDiscountCents !== undefined) amountCents = Math.min(amountCents, reward.maxDiscountCents);
    amountCents = Math.min(amountCents, input.remainingCents);
    return amountCents > 0 ? { ok: true, amountCents } : { ok: false, reason: 'NOTHING_TO_DISCOUNT' };
  },
};
