/**
 * Checks of the projections kept beside the ledger that are not per-entry folds: reward usage
 * counters on members (redemption/usage-counters.ts) and reward budget counters
 * (redemption/reward-budgets.ts), compared with the `rewardRedemptions` they count. Used by
 * `ledger:verify` and by `ledger:repair`, which rebuilds what does not match.
 */
import type { Models } from '../../store/models/index.js';
import type { RewardBudgetDoc } from '../../store/models/reward-budget.js';
import { spentFromRedemptions } from '../redemption/reward-budgets.js';
import type { UsageCounters } from '../redemption/usage-counters.js';
import type { Violation } from './ledger-chain-check.js';

/** The redemption record a counter holder names (`<memberId>:<sourceKey>`; built counters of old records hold the record id). */
const recordId = (memberId: string, holder: string): string => (holder.startsWith(`${memberId}:`) ? holder : `${memberId}:${holder}`);

/**
 * Every counter's `n` equals its holders, and every holder is a non-reversed redemption of the
 * counter's reward. (Redemptions counted nowhere cannot be told from here: a counter exists
 * only for the periods and locations a REDEEM touched.)
 */
export async function usageViolations(models: Models, memberId: string, usage: unknown): Promise<Violation[]> {
  const counters = (usage && typeof usage === 'object' ? usage : {}) as UsageCounters;
  const entries = Object.entries(counters);
  const ids = [...new Set(entries.flatMap(([, c]) => c.h.map((h) => recordId(memberId, h))))];
  const live = ids.length === 0 ? [] : await models.RewardRedemption.find({ _id: { $in: ids }, reversedAt: null }, { rewardId: 1 }).lean();
  const rewardOf = new Map(live.map((r) => [String(r._id), r.rewardId]));
  const out: Violation[] = [];
  for (const [key, c] of entries) {
    const rewardId = key.split('~')[0];
    const stray = c.h.filter((h) => rewardOf.get(recordId(memberId, h)) !== rewardId);
    if (c.n !== c.h.length || stray.length > 0) {
      out.push({ kind: 'USAGE_MISMATCH', memberId, detail: `counter ${key}: n ${c.n}, ${c.h.length} holders, ${stray.length} not a live redemption of ${rewardId}` });
    }
  }
  return out;
}

/** A budget counter equals Σ amountCents of its reward's non-reversed redemptions. */
export async function budgetViolations(models: Models, budget: RewardBudgetDoc & { _id: string }): Promise<Violation[]> {
  const spent = await spentFromRedemptions(models, budget.programId, budget.rewardId);
  if (spent === budget.spentCents) return [];
  return [{ kind: 'BUDGET_MISMATCH', budgetId: budget._id, detail: `spentCents ${budget.spentCents}, non-reversed redemptions ${spent}` }];
}
