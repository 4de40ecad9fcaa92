import { Schema, type InferSchemaType } from 'mongoose';

/**
 * One accepted redemption of a reward by a member: the source of per-period usage counts
 * (`limits.perDay` …) and budget use. `_id` is `<memberId>:<sourceKey>` so a retried REDEEM
 * records it at most once; a REVERSE sets `reversedAt` with a guarded single-document update.
 */
export const rewardRedemptionSchema = new Schema({
  _id: { type: String, required: true },
  programId: { type: String, required: true },
  memberId: { type: String, required: true },
  rewardId: { type: String, required: true },
  quantity: { type: Number, required: true },
  amountCents: { type: Number, required: true },
  transactionGuid: { type: String, required: true },
  redeemedAt: { type: Date, required: true },
  reversedAt: { type: Date, default: null },
  /** Limit slots this redemption holds (reward-limit-slot.ts); freed by its REVERSE. */
  limitSlots: { type: [String], default: [] },
}, { collection: 'rewardRedemptions', versionKey: false, strict: 'throw' });

rewardRedemptionSchema.index({ memberId: 1, reversedAt: 1, redeemedAt: 1 });
rewardRedemptionSchema.index({ programId: 1, rewardId: 1, reversedAt: 1 });

export type RewardRedemptionDoc = InferSchemaType<typeof rewardRedemptionSchema>;
