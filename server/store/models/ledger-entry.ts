import { Schema, type InferSchemaType } from 'mongoose';

export const ledgerKinds = ['ACCRUE', 'REDEEM', 'REVERSE_ACCRUE', 'REVERSE_REDEEM', 'BONUS', 'ADJUST', 'EXPIRE', 'CLAIM'] as const;
export type LedgerKind = (typeof ledgerKinds)[number];

/**
 * One append-only points movement. Never updated, never deleted: a reversal is a new entry.
 * `(memberId, seq)` orders a member's chain and makes concurrent appends race on an insert;
 * `(memberId, sourceKey)` makes every side effect happen at most once.
 */
export const ledgerEntrySchema = new Schema({
  programId: { type: String, required: true },
  memberId: { type: Schema.Types.ObjectId, required: true },
  seq: { type: Number, required: true },
  delta: { type: Number, required: true },
  balanceAfter: { type: Number, required: true },
  /** Lifetime (tier) points after this entry: earning kinds and their reversals only. */
  lifetimeAfter: { type: Number, required: true },
  kind: { type: String, enum: ledgerKinds, required: true },
  sourceKey: { type: String, required: true },
  /** Points the request asked for when a floor clamped it (e.g. a reversal after spending). */
  requestedDelta: { type: Number, default: null },
  refs: {
    restaurantGuid: { type: String, default: null },
    transactionGuid: { type: String, default: null },
    checkGuid: { type: String, default: null },
    appliedDiscountGuids: { type: [String], default: undefined },
  },
  provenance: {
    ruleIds: { type: [String], default: undefined },
    ruleSetVersion: { type: String, default: null },
  },
  /** Why an entry that is not a direct Toast request was made (e.g. `DISCOUNT_GONE_AT_ACCRUE`); null otherwise. */
  cause: { type: String, default: null },
  /** ADJUST entries: why and by which admin key (fingerprint) the balance was corrected. */
  note: {
    type: new Schema({ reason: { type: String, required: true }, by: { type: String, required: true } }, { _id: false, strict: 'throw' }),
    default: undefined,
  },
  createdAt: { type: Date, required: true },
}, { collection: 'ledger', versionKey: false, strict: 'throw' });

ledgerEntrySchema.index({ memberId: 1, seq: 1 }, { unique: true });
ledgerEntrySchema.index({ memberId: 1, sourceKey: 1 }, { unique: true });
// Debits of one Toast transaction (server/loyalty/redemption/abandoned-redeems.ts).
ledgerEntrySchema.index({ 'refs.transactionGuid': 1 });
ledgerEntrySchema.index({ programId: 1, createdAt: 1 });

export type LedgerEntryDoc = InferSchemaType<typeof ledgerEntrySchema>;
