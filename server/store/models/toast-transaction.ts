import { Schema, type InferSchemaType } from 'mongoose';

/**
 * One processed (or in-progress) Toast request, claimed insert-first under the unique key
 * (restaurant, Toast-Transaction-GUID, type, loyalty identifier). `IN_PROGRESS` claims carry a
 * lease: a claim whose owner crashed is taken over after `leaseUntil` (by `claimToken` swap).
 * `DONE` documents hold the exact response (status + body string) returned to every duplicate,
 * and, for REDEEM, what a later REVERSE needs.
 */
export const toastTransactionSchema = new Schema({
  restaurantGuid: { type: String, required: true },
  transactionGuid: { type: String, required: true },
  type: { type: String, required: true },
  /**
   * Keyed hash of the identifier the request names (idempotency.ts identifierKey: Toast may send
   * a phone there); '' when it names none (SEARCH, SIGNUP, ACCRUE/REVERSE with null).
   */
  loyaltyIdentifier: { type: String, required: false, default: '' },
  programId: { type: String, required: true },
  state: { type: String, enum: ['IN_PROGRESS', 'DONE'], required: true },
  requestHash: { type: String, required: true },
  claimToken: { type: String, required: true },
  leaseUntil: { type: Date, required: true },
  createdAt: { type: Date, required: true },
  completedAt: { type: Date, default: null },
  responseStatus: { type: Number, default: null },
  /** The answer as stored: accounts' contact fields replaced by a marker (server/toast/stored-answer.ts). */
  responseBody: { type: String, default: null },
  /** The member the request acted on (REDEEM/ACCRUE), for REVERSE. */
  memberId: { type: String, default: null },
  /**
   * The same member as an ObjectId (set when the answer is stored): a REVERSE reads its target
   * and the member it credits in one `$lookup` on the members' `_id`. Null on older records.
   */
  memberRef: { type: Schema.Types.ObjectId, default: null },
  /**
   * INQUIRE and REDEEM: the engine's inputs (RecordedEvaluation in
   * server/loyalty/offers/recorded-evaluation.ts — rule-set hash, normalised check, member facts; no
   * guest data), so `npm run rules -- replay` can reproduce the answer. Stored as its JSON text
   * (recorded-evaluation.ts storedEvaluation; older records hold the nested document, and
   * recordedEvaluationOf reads both). Null on records from before evaluations were recorded.
   */
  evaluation: { type: Schema.Types.Mixed, default: null },
  /** ACCRUE: the accrual document it created or found. */
  accrualId: { type: String, default: null },
  /** REDEEM: one entry per accepted redemption (points debited, usage recorded). */
  redemptions: {
    type: [new Schema({
      rewardId: { type: String, required: true },
      appliedDiscountGuid: { type: String, default: null },
      multiItemDiscountGuid: { type: String, default: null },
      quantity: { type: Number, required: true },
      points: { type: Number, required: true },
      amountCents: { type: Number, required: true },
      /** Ledger / usage source key of the debit; the credit back uses `reverse:<sourceKey>`. */
      sourceKey: { type: String, required: true },
    }, { _id: false, strict: 'throw' })],
    default: undefined,
  },
}, { collection: 'toastTransactions', versionKey: false, strict: 'throw' });

toastTransactionSchema.index(
  { restaurantGuid: 1, transactionGuid: 1, type: 1, loyaltyIdentifier: 1 },
  { unique: true },
);

// Retention (workers/retention.scheduler.ts) deletes old read-only answers by type and age.
toastTransactionSchema.index({ type: 1, createdAt: 1 });
// Abandoned claims (server/loyalty/redemption/abandoned-redeems.ts): IN_PROGRESS past their lease.
toastTransactionSchema.index({ state: 1, type: 1, leaseUntil: 1 });

export type ToastTransactionDoc = InferSchemaType<typeof toastTransactionSchema>;
