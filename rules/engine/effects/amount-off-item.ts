import { priceSingleItem } from '../matching.js';
import type { AmountOffItemReward } from '../types.js';
import type { RewardEffect } from './effect.js';

/** A fixed amount off one matching selection, never more than the selection's price. */
export const amountOffItem: RewardEffect<AmountOffItemReward> = {
  type: 'AMOUNT_OFF_ITEM',
  selectionType: 'ITEM',
  price: (reward, input) => priceSingleItem(input, reward.items, reward.modifiers, () => reward.amountCents),
};
