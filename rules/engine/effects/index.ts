/** Reward types, collected explicitly: a rule file naming any other type is refused at validation. */
import type { Pricing, PricingInput } from '../matching.js';
import type { Reward, RewardType, SelectionType } from '../types.js';
import { amountOffCheck } from './amount-off-check.js';
import { amountOffItem } from './amount-off-item.js';
import { bogo } from './bogo.js';
import { bonusPoints } from './bonus-points.js';
import type { RewardEffect } from './effect.js';
import { freeItem } from './free-item.js';
import { multiItem } from './multi-item.js';
import { percentOffCheck } from './percent-off-check.js';
import { percentOffItem } from './percent-off-item.js';
import { priceAdjustment } from './price-adjustment.js';

export type { RewardEffect } from './effect.js';

export const EFFECTS = [
  bogo, freeItem, percentOffCheck, percentOffItem, amountOffCheck, amountOffItem, priceAdjustment, multiItem, bonusPoints,
] as const;

const BY_TYPE = new Map<string, RewardEffect<never>>(EFFECTS.map((e) => [e.type, e as RewardEffect<never>]));

export const REWARD_TYPES: readonly RewardType[] = EFFECTS.map((e) => e.type);

export function selectionTypeOf(reward: Reward): SelectionType {
  return (BY_TYPE.get(reward.type) as RewardEffect).selectionType;
}

/** Prices a reward with its declared effect. */
export function priceReward(reward: Reward, input: PricingInput): Pricing {
  const effect = BY_TYPE.get(reward.type) as RewardEffect<Reward> | undefined;
  if (!effect) return { ok: false, reason: 'UNKNOWN_REWARD_TYPE' };
  return effect.price(reward, input);
}
