import { priceSingleItem } from '../matching.js';
import type { FreeItemReward } from '../types.js';
import type { RewardEffect } from './effect.js';

/** One unit of a matching item free (on a quantity-3 selection, one unit). */
export const freeItem: RewardEffect<FreeItemReward> = {
  type: 'FREE_ITEM',
  selectionType: 'ITEM',
  price: (reward, input) => priceSingleItem(input, reward.items, reward.modifiers, (c) => c.unitCents),
};
