import { priceSingleItem } from '../matching.js';
import type { FreeItemReward } from '../types.js';
import type { RewardEffect } from './effect.js';

/**
 * One unit of a matching item free: on a quantity-3 selection one unit, on a 2.5 LB line one
 * pound at the line's unit price, on a 0.5 LB line the whole line.
 */
export const freeItem: RewardEffect<FreeItemReward> = {
  type: 'FREE_ITEM',
  selectionType: 'ITEM',
  price: (reward, input) => priceSingleItem(input, reward.items, reward.modifiers, (c) => c.unitCents),
};
