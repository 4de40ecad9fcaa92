/**
 * Loyalty discounts already on the check that none of the submitted redemptions stands for:
 * rewards applied by an earlier request (REDEEM or a previous INQUIRE's redemption kept by
 * Toast). They are part of the check whatever their request: they take their money off the net,
 * occupy their selection, count against `maxRewardsPerCheck` and take part in exclusivity.
 */
import { findReward } from './catalog.js';
import type { LoyaltyOnCheck } from './evaluation.js';
import type { Program, SubmittedRedemption } from './types.js';

/** GUIDs a redemption names for its discount(s) on the check. */
function guidsOf(r: SubmittedRedemption): string[] {
  const guids = [r.appliedDiscountGuid, r.multiItemDiscountGuid, ...(r.itemApplication ?? []).map((a) => a.appliedDiscountIdentifier)];
  return guids.filter((g): g is string => typeof g === 'string');
}

/** The on-check discounts a redemption stands for: by GUID, else the first of its offer (on its selection). */
function claim(r: SubmittedRedemption, pool: LoyaltyOnCheck[], claimed: Set<LoyaltyOnCheck>): void {
  const guids = guidsOf(r);
  const byGuid = pool.filter((d) => d.appliedDiscountGuid !== null && guids.includes(d.appliedDiscountGuid));
  if (byGuid.length > 0) { for (const d of byGuid) claimed.add(d); return; }
  if (guids.length > 0 && r.appliedDiscountGuid) return; // names a discount not on the check
  const selection = r.selectionGuid ?? null;
  const match = pool.find((d) => !claimed.has(d) && d.referenceId === (r.identifier ?? null)
    && (selection === null || d.selectionGuid === selection));
  if (match) claimed.add(match);
}

/** On-check loyalty discounts not claimed by any submitted redemption, in check order. */
export function standingDiscounts(onCheck: LoyaltyOnCheck[], redemptions: SubmittedRedemption[]): LoyaltyOnCheck[] {
  const claimed = new Set<LoyaltyOnCheck>();
  for (const r of redemptions) claim(r, onCheck, claimed);
  return onCheck.filter((d) => !claimed.has(d));
}

/**
 * How many rewards of this program the discounts stand for (a MULTI_ITEM bundle spread over
 * several selections counts once per offer identifier). Discounts of unknown offers do not count.
 */
export function rewardsCounted(program: Program, discounts: LoyaltyOnCheck[]): number {
  let count = 0;
  const bundles = new Set<string>();
  for (const d of discounts) {
    const reward = d.referenceId ? findReward(program, d.referenceId) : null;
    if (!reward) continue;
    if (reward.type === 'MULTI_ITEM') { if (bundles.has(reward.id)) continue; bundles.add(reward.id); }
    count += 1;
  }
  return count;
}
