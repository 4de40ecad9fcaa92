import { priceSingleItem } from '../matching.js';
import type { PriceAdjustmentReward } from '../types.js';
import { priceOfUnits, ONE_UNIT } from '../units.js';
import type { RewardEffect } from './effect.js';

/**
 * One unit of a matching item sold at a set price: the discount is the difference (≥ 0). On a
 * weighed line under one unit, the set price applies to that fraction.
 */
export const priceAdjustment: RewardEffect<PriceAdjustmentReward> = {
  type: 'PRICE_ADJUSTMENT',
  selectionType: 'ITEM',
  price: (reward, input) => priceSingleItem(input, reward.items, reward.modifiers,
    (c) => Math.max(0, c.unitCents - priceOfUnits(reward.priceCents, c.unit, ONE_UNIT))),
};
