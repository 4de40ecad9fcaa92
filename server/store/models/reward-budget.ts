import { Schema, type InferSchemaType } from 'mongoose';

/**
 * Discount cents spent on one budgeted reward (`limits.budgetCents`) over all members of its
 * program: `_id` = `<programId>|<rewardId>`. A REDEEM reserves its amount with one guarded
 * increment (`spentCents ≤ budget − amount`), so two concurrent REDEEMs cannot both take the
 * last of a budget; the reversal that marks a redemption reversed gives its amount back. A
 * projection of the non-reversed `rewardRedemptions`, built from them when missing
 * (server/loyalty/redemption/reward-budgets.ts) and checked by `ledger:verify`.
 */
export const rewardBudgetSchema = new Schema({
  _id: { type: String, required: true },
  programId: { type: String, required: true },
  rewardId: { type: String, required: true },
  spentCents: { type: Number, required: true },
  builtAt: { type: Date, required: true },
}, { collection: 'rewardBudgets', versionKey: false, strict: 'throw' });

export type RewardBudgetDoc = InferSchemaType<typeof rewardBudgetSchema>;
