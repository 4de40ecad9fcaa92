import type { AmountOffCheckReward } from '../types.js';
import type { RewardEffect } from './effect.js';

/** A fixed amount off the check, capped so the check never goes below zero. */
export const amountOffCheck: RewardEffect<AmountOffCheckReward> = {
  type: 'AMOUNT_OFF_CHECK',
  selectionType: 'CHECK',
  price: (reward, input) => {
    if (reward.minSubtotalCents !== undefined && input.discountableCents < reward.minSubtotalCents) {
      return { ok: false, reason: `MIN_SUBTOTAL:${reward.minSubtotalCents}` };
    }
    const amountCents = Math.min(reward.amountCents, input.remainingCents);
    return amountCents > 0 ? { ok: true, amountCents } : { ok: false, reason: 'NOTHING_TO_DISCOUNT' };
  },
};
