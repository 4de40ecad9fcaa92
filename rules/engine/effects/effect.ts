import type { Pricing, PricingInput } from '../matching.js';
import type { Reward, SelectionType } from '../types.js';

/**
 * A reward type, declared as data: how it shows on Toast and how it is priced on a check.
 * Pricing is pure and integer-only; it never discounts below zero.
 */
export interface RewardEffect<R extends Reward = Reward> {
  type: R['type'];
  selectionType: SelectionType;
  price(reward: R, input: PricingInput): Pricing;
}
