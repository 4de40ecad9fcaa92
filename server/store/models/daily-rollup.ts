import { Schema, type InferSchemaType } from 'mongoose';

/**
 * One program's figures for one local day at one location (`location` null: what belongs to no
 * restaurant, e.g. adjustments, expiry, new members). `_id` is `program|day|location`. Written
 * only by server/reports/daily-rollup.ts, which recomputes a whole day from the source
 * collections and replaces its rows: repeating it changes nothing.
 */
export const dailyRollupSchema = new Schema({
  _id: { type: String, required: true },
  programId: { type: String, required: true },
  /** Local date `YYYY-MM-DD` in the program's timezone. */
  day: { type: String, required: true },
  location: { type: String, default: null },
  loyaltyChecks: { type: Number, required: true },
  salesCents: { type: Number, required: true },
  discountCents: { type: Number, required: true },
  pointsEarned: { type: Number, required: true },
  pointsRedeemed: { type: Number, required: true },
  pointsExpired: { type: Number, required: true },
  pointsAdjusted: { type: Number, required: true },
  rewardUses: {
    type: [new Schema({
      rewardId: { type: String, required: true },
      uses: { type: Number, required: true },
      discountCents: { type: Number, required: true },
    }, { _id: false, strict: 'throw' })],
    default: [],
  },
  /** Menu items sold on loyalty checks (server/reports/day-figures.ts `ItemSale`); absent on rows written before. */
  items: {
    type: [new Schema({
      guid: { type: String, required: true },
      displayName: { type: String, default: null },
      milliUnits: { type: Number, required: true },
      salesCents: { type: Number, required: true },
    }, { _id: false, strict: 'throw' })],
    default: [],
  },
  newMembers: { type: Number, required: true },
  /** When the computation that wrote this row started (an older computation never overwrites it). */
  computedAt: { type: Date, required: true },
}, { collection: 'dailyRollups', versionKey: false, strict: 'throw' });

dailyRollupSchema.index({ programId: 1, day: 1 });

export type DailyRollupDoc = InferSchemaType<typeof dailyRollupSchema>;
