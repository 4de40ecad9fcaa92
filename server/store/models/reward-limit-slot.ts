import { Schema, type InferSchemaType } from 'mongoose';

/**
 * One unit of a member's per-period reward limit, held by one redemption. `_id` =
 * `<memberId>|<rewardId>|<period>|<period start>|<n>` with n in 1..limit: a REDEEM claims free
 * slots by inserting them (a taken slot is a duplicate key), so two concurrent REDEEMs can
 * never both use the last unit. A REVERSE deletes the redemption's slots.
 */
export const rewardLimitSlotSchema = new Schema({
  _id: { type: String, required: true },
  memberId: { type: String, required: true },
  /** The redemption (ledger sourceKey) holding the slot. */
  sourceKey: { type: String, required: true },
  createdAt: { type: Date, required: true },
}, { collection: 'rewardLimitSlots', versionKey: false, strict: 'throw' });

export type RewardLimitSlotDoc = InferSchemaType<typeof rewardLimitSlotSchema>;
