import { priceSingleItem } from '../matching.js';
import type { PriceAdjustmentReward } from '../types.js';
import type { RewardEffect } from './effect.js';

/** One unit of a matching item sold at a set price: the discount is the difference (≥ 0). */
export const priceAdjustment: RewardEffect<PriceAdjustmentReward> = {
  type: 'PRICE_ADJUSTMENT',
  selectionType: 'ITEM',
  price: (reward, input) => priceSingleItem(input, reward.items, reward.modifiers, (c) => Math.max(0, c.unitCents - reward.priceCents)),
};
