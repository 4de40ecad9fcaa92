import { percentOf } from '../money.js';
import { priceSingleItem } from '../matching.js';
import type { PercentOffItemReward } from '../types.js';
import type { RewardEffect } from './effect.js';

/** A percentage off the whole matching selection (all its units), rounded half away from zero. */
export const percentOffItem: RewardEffect<PercentOffItemReward> = {
  type: 'PERCENT_OFF_ITEM',
  selectionType: 'ITEM',
  price: (reward, input) => priceSingleItem(input, reward.items, reward.modifiers, (c) => percentOf(c.grossCents, reward.percent)),
};
