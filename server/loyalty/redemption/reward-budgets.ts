/**
 * Reward budgets (`limits.budgetCents`: discount cents a reward may give away over all members
 * of a program) as counters, one document per budgeted reward (reward-budget.ts), instead of
 * summing the program's redemptions on every request (issue 11 §1).
 *
 * A REDEEM reserves a redemption's amount with one guarded increment at commit, so concurrent
 * REDEEMs cannot overspend a budget; a redemption whose debit is then refused, and the reversal
 * that marks a redemption reversed, give the amount back. A counter that does not exist yet
 * (a new reward, or data from before the counters) is built once from the non-reversed
 * redemptions; `ledger:verify` compares the counters with those redemptions.
 */
import type { Program } from '../../../rules/index.js';
import type { Models } from '../../store/models/index.js';
import { isDuplicateKey } from '../../store/duplicate-key.js';

export const budgetId = (programId: string, rewardId: string): string => `${programId}|${rewardId}`;

/** Σ amountCents of the reward's non-reversed redemptions (the counter's definition). */
export async function spentFromRedemptions(models: Models, programId: string, rewardId: string): Promise<number> {
  const rows = await models.RewardRedemption.aggregate<{ cents: number }>([
    { $match: { programId, rewardId, reversedAt: null } },
    { $group: { _id: null, cents: { $sum: '$amountCents' } } },
  ]);
  return rows[0]?.cents ?? 0;
}

/** Creates the counter from the redemptions unless it exists (a concurrent build wins). */
async function build(models: Models, programId: string, rewardId: string, now: Date): Promise<void> {
  const spentCents = await spentFromRedemptions(models, programId, rewardId);
  try {
    await models.RewardBudget.create({ _id: budgetId(programId, rewardId), programId, rewardId, spentCents, builtAt: now });
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
  }
}

/** Cents spent of each budgeted reward of the program; undefined when nothing is budgeted. */
export async function budgetsSpent(models: Models, program: Program, now: Date): Promise<Record<string, number> | undefined> {
  const budgeted = program.rewards.filter((r) => r.limits?.budgetCents !== undefined).map((r) => r.id);
  if (budgeted.length === 0) return undefined;
  const ids = budgeted.map((r) => budgetId(program.id, r));
  let docs = await models.RewardBudget.find({ _id: { $in: ids } }, { rewardId: 1, spentCents: 1 }).lean();
  if (docs.length < budgeted.length) {
    const have = new Set(docs.map((d) => d.rewardId));
    await Promise.all(budgeted.filter((r) => !have.has(r)).map((r) => build(models, program.id, r, now)));
    docs = await models.RewardBudget.find({ _id: { $in: ids } }, { rewardId: 1, spentCents: 1 }).lean();
  }
  return Object.fromEntries(docs.map((d) => [d.rewardId, d.spentCents]));
}

/**
 * Takes `cents` of the reward's budget; false when that would exceed it. True at once for a
 * reward without a budget or a redemption worth nothing.
 */
export async function reserveBudget(models: Models, program: Program, rewardId: string, cents: number, now: Date): Promise<boolean> {
  const budget = program.rewards.find((r) => r.id === rewardId)?.limits?.budgetCents;
  if (budget === undefined || cents <= 0) return true;
  const _id = budgetId(program.id, rewardId);
  for (let attempt = 0; attempt < 2; attempt++) {
    const taken = await models.RewardBudget.updateOne({ _id, spentCents: { $lte: budget - cents } }, { $inc: { spentCents: cents } });
    if (taken.modifiedCount === 1) return true;
    if (await models.RewardBudget.exists({ _id })) return false;
    await build(models, program.id, rewardId, now);
  }
  return false;
}

/** Gives `cents` back to the reward's budget (a refused debit, or a redemption just marked reversed). */
export async function releaseBudget(models: Models, programId: string, rewardId: string, cents: number): Promise<void> {
  if (cents > 0) await models.RewardBudget.updateOne({ _id: budgetId(programId, rewardId) }, { $inc: { spentCents: -cents } });
}
