import { percentOf } from '../money.js';
import { findCandidates, type ItemCandidate, type Pricing, type PricingInput } from '../matching.js';
import type { MultiItemReward, ItemApplication } from '../types.js';
import type { RewardEffect } from './effect.js';

/** Assigns each component a distinct candidate (small backtracking; bundles have few components). */
function assign(options: ItemCandidate[][], index: number, used: Set<string>): ItemCandidate[] | null {
  if (index === options.length) return [];
  for (const c of options[index] ?? []) {
    if (used.has(c.line.selectionGuid)) continue;
    used.add(c.line.selectionGuid);
    const rest = assign(options, index + 1, used);
    used.delete(c.line.selectionGuid);
    if (rest) return [c, ...rest];
  }
  return null;
}

function componentOptions(reward: MultiItemReward, input: PricingInput): ItemCandidate[][] | { reason: string } {
  const options: ItemCandidate[][] = [];
  for (const component of reward.components) {
    const found = findCandidates(input, component.items, reward.modifiers);
    if (found.candidates.length === 0) return { reason: found.reason };
    // Toast MULTI_ITEM: every participating item is its own selection of quantity 1.
    const single = found.candidates.filter((c) => c.line.quantity === 1);
    if (single.length === 0) return { reason: 'MULTI_ITEM_NEEDS_SEPARATE_SELECTIONS' };
    options.push(single);
  }
  return options;
}

/** A bundle spread over several selections (Toast MULTI_ITEM), each component with its own % off. */
export const multiItem: RewardEffect<MultiItemReward> = {
  type: 'MULTI_ITEM',
  selectionType: 'MULTI_ITEM',
  price: (reward, input): Pricing => {
    const options = componentOptions(reward, input);
    if (!Array.isArray(options)) return { ok: false, reason: options.reason };
    const chosen = assign(options, 0, new Set());
    if (!chosen) return { ok: false, reason: 'MULTI_ITEM_NEEDS_SEPARATE_SELECTIONS' };
    let remaining = input.remainingCents;
    const itemApplication: ItemApplication[] = chosen.map((c, i) => {
      const pct = reward.components[i]?.percentOff ?? 0;
      const amountCents = Math.max(0, Math.min(percentOf(c.unitCents, pct), c.capCents, remaining));
      remaining -= amountCents;
      return { selectionIdentifier: c.line.selectionGuid, amountCents };
    });
    const amountCents = itemApplication.reduce((s, a) => s + a.amountCents, 0);
    if (amountCents <= 0) return { ok: false, reason: 'NOTHING_TO_DISCOUNT' };
    return { ok: true, amountCents, itemApplication };
  },
};
