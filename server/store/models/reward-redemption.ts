import { Schema, type InferSchemaType } from 'mongoose';

/**
 * One accepted redemption of a reward by a member: the source of per-period usage counts
 * (`limits.perDay` …) and budget use. `_id` is `<memberId>:<sourceKey>` so a retried REDEEM
 * records it at most once; a REVERSE sets `reversedAt` with a guarded single-document update.
 * It is also the redemption's identity on the check: a later REDEEM or INQUIRE carrying the
 * same applied discount is answered from it (redeemed-discounts.ts), and an ACCRUE whose paid
 * check no longer carries the discount reverses it (redemption-reconcile.ts).
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
  /**
   * Usage counters this redemption holds on its member (redemption/usage-counters.ts); given back
   * by its REVERSE. (Records from before the counters list retired limit-slot ids.)
   */
  limitSlots: { type: [String], default: [] },
  /** The ledger sourceKey of the debit (null on records written before it was stored). */
  sourceKey: { type: String, default: null },
  /** Points debited (cost × quantity). */
  points: { type: Number, default: 0 },
  restaurantGuid: { type: String, default: null },
  checkGuid: { type: String, default: null },
  /** Toast's applied discount on the check (ITEM, CHECK) or bundle discount (MULTI_ITEM): the redemption's identity. */
  appliedDiscountGuid: { type: String, default: null },
  multiItemDiscountGuid: { type: String, default: null },
  selectionGuid: { type: String, default: null },
  name: { type: String, default: null },
  itemApplication: { type: [{ _id: false, selectionIdentifier: String, amountCents: Number }], default: undefined },
}, { collection: 'rewardRedemptions', versionKey: false, strict: 'throw' });

rewardRedemptionSchema.index({ memberId: 1, reversedAt: 1, redeemedAt: 1 });
rewardRedemptionSchema.index({ transactionGuid: 1 });
rewardRedemptionSchema.index({ programId: 1, rewardId: 1, reversedAt: 1 });
rewardRedemptionSchema.index({ memberId: 1, appliedDiscountGuid: 1 });
rewardRedemptionSchema.index({ memberId: 1, multiItemDiscountGuid: 1 });
rewardRedemptionSchema.index({ restaurantGuid: 1, checkGuid: 1 });
// Daily reports read a day's redemptions and reversals (server/reports/).
rewardRedemptionSchema.index({ programId: 1, redeemedAt: 1 });
rewardRedemptionSchema.index({ programId: 1, reversedAt: 1 });

export type RewardRedemptionDoc = InferSchemaType<typeof rewardRedemptionSchema>;
