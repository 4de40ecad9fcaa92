import { Schema, type InferSchemaType } from 'mongoose';

/**
 * One change of a member's tier, append-only (never updated, never deleted). `causeKey` is the
 * ledger sourceKey (or expiry-run key) whose recomputation changed the tier; the unique index
 * (memberId, causeKey) records a change once however often a job or request is retried.
 */
export const tierChangeSchema = new Schema({
  programId: { type: String, required: true },
  memberId: { type: Schema.Types.ObjectId, required: true },
  /** Tier ids; null = no tier. */
  from: { type: String, default: null },
  to: { type: String, default: null },
  /** Ledger seq the new tier was computed from. */
  seq: { type: Number, required: true },
  causeKey: { type: String, required: true },
  at: { type: Date, required: true },
}, { collection: 'tierChanges', versionKey: false, strict: 'throw' });

tierChangeSchema.index({ memberId: 1, causeKey: 1 }, { unique: true });
tierChangeSchema.index({ programId: 1, at: 1 });

export type TierChangeDoc = InferSchemaType<typeof tierChangeSchema>;
