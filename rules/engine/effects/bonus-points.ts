import type { BonusPointsReward } from '../types.js';
import type { RewardEffect } from './effect.js';

/**
 * Bonus points (a fixed number, or a multiplier on this check's points). It takes nothing off the
 * check: the POS is sent a $0 check-level offer, and the points are credited by the check's
 * accrual (accrual.ts `bonusLines`) once it is paid with the discount applied.
 */
export const bonusPoints: RewardEffect<BonusPointsReward> = {
  type: 'BONUS_POINTS',
  selectionType: 'CHECK',
  price: () => ({ ok: true, amountCents: 0 }),
};
