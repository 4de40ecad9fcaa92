import { percentOf } from '../money.js';
import { candidateFor, findCandidates, type ItemCandidate, type Pricing, type PricingInput } from '../matching.js';
import type { BogoReward } from '../types.js';
import { ONE_UNIT, milliUnits, priceOfUnits } from '../units.js';
import type { RewardEffect } from './effect.js';

/** Milli-units on the check that count towards the "buy" side (any purchase line, discounted or not). */
function buyUnits(reward: BogoReward, input: PricingInput): number {
  let units = 0;
  for (const line of input.check.lines) if (candidateFor(line, reward.buy.items)) units += milliUnits(line);
  return units;
}

/**
 * Milli-units of a "get" line that can be discounted: a unit cannot be both bought and given, so
 * on a single selection of quantity 2 (buy 1 get 1 of the same item) exactly one unit is
 * discounted, and on one 2.01 LB line one pound (never the whole line).
 */
function discountableUnits(reward: BogoReward, c: ItemCandidate, totalBuy: number): number {
  const need = reward.buy.quantity * ONE_UNIT;
  let units = Math.min(reward.get.quantity * ONE_UNIT, c.milli);
  if (candidateFor(c.line, reward.buy.items)) units = Math.min(units, totalBuy - need);
  else if (totalBuy < need) units = 0;
  return Math.max(0, units);
}

/** Buy X get Y: the discount attaches to one "get" selection; the cheapest qualifying one is chosen. */
export const bogo: RewardEffect<BogoReward> = {
  type: 'BOGO',
  selectionType: 'ITEM',
  price: (reward, input): Pricing => {
    const gets = findCandidates(input, reward.get.items, reward.modifiers);
    if (gets.candidates.length === 0) return { ok: false, reason: gets.reason };
    const totalBuy = buyUnits(reward, input);
    const percent = reward.percentOff ?? 100;
    let chosen: { c: ItemCandidate; amountCents: number } | null = null;
    for (const c of gets.candidates) {
      const units = discountableUnits(reward, c, totalBuy);
      if (units <= 0) continue;
      const amountCents = Math.min(percentOf(priceOfUnits(c.grossCents, units, c.milli), percent), c.capCents, input.remainingCents);
      if (!chosen || amountCents < chosen.amountCents) chosen = { c, amountCents };
    }
    if (!chosen) return { ok: false, reason: 'BUY_ITEMS_MISSING' };
    if (chosen.amountCents <= 0) return { ok: false, reason: 'NOTHING_TO_DISCOUNT' };
    const itemApplication = [{ selectionIdentifier: chosen.c.line.selectionGuid, amountCents: chosen.amountCents }];
    return { ok: true, amountCents: chosen.amountCents, itemApplication };
  },
};
