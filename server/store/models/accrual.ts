import { Schema, type InferSchemaType } from 'mongoose';

/**
 * WITHHELD: a SUSPENDED member's check whose points wait for reinstatement
 * (server/loyalty/accrual/withheld-accruals.ts); FORFEITED: one the program's policy gives no points.
 */
export const accrualStates = ['PENDING', 'POSTED', 'REVERSED', 'UNCLAIMED', 'CLAIMED', 'WITHHELD', 'FORFEITED'] as const;
export type AccrualState = (typeof accrualStates)[number];

/**
 * One paid check accepted for points. Written before Toast is told ACCEPT (invariant 7);
 * a worker computes the points and posts the ledger entry.
 *
 * An ACCRUE's accrual has an `_id` derived from the request (restaurant, GUID, keyed identifier):
 * inserting it is the request's claim, with no claim document first (accrual-claim.ts).
 *
 * `activeCheckKey` enforces invariant 5 (a check accrues at most once while not reversed)
 * with a plain unique index: it is `restaurant|check` while the accrual counts and becomes
 * `restaurant|reversed|<id>` when reversed (`…|superseded|<id>` when re-paid), so a later
 * re-accrual of the check can insert.
 */
export const accrualSchema = new Schema({
  programId: { type: String, required: true },
  restaurantGuid: { type: String, required: true },
  checkGuid: { type: String, required: true },
  orderGuid: { type: String, default: null },
  activeCheckKey: { type: String, required: true },
  /**
   * Toast-Transaction-GUIDs of the ACCRUEs for this check: the first one and any retry that
   * Toast sent with a new GUID after a failure response. A REVERSE may name any of them.
   */
  transactionGuids: { type: [String], required: true },
  memberId: { type: Schema.Types.ObjectId, default: null },
  state: { type: String, enum: accrualStates, required: true },
  /** The rule set active at ACCEPT: the worker computes with exactly this version. */
  ruleSetHash: { type: String, required: true },
  /** Member facts at ACCEPT (tier, status, lifetime points), so posting later is deterministic. */
  memberSnapshot: { type: Schema.Types.Mixed, default: null },
  /**
   * The paid check as normalised at the Toast edge (NormalizedCheck: cents, GUIDs, quantities,
   * canonical dates) — never the raw Toast body, which carries guest data (customer, tab name,
   * card digits) and arbitrary nesting.
   */
  check: { type: Schema.Types.Mixed, required: true },
  /** Business time of the check (paid/closed date, else the ACCEPT time). */
  checkTime: { type: Date, required: true },
  acceptedAt: { type: Date, required: true },
  expectedPoints: { type: Number, required: true },
  points: { type: Number, default: null },
  breakdown: { type: Schema.Types.Mixed, default: null },
  ruleSetVersion: { type: String, default: null },
  postedAt: { type: Date, default: null },
  reversedAt: { type: Date, default: null },
  reverseTransactionGuid: { type: String, default: null },
  /** When a WITHHELD accrual was released to PENDING (its member reinstated). */
  releasedAt: { type: Date, default: null },
  /** When a member claimed this (UNCLAIMED) check with its receipt; the claimer is `memberId`. */
  claimedAt: { type: Date, default: null },
  /**
   * An accrual accepted by the webhook is the ACCRUE's claim: its `_id` derives from the request
   * key (accrual-claim.ts), and it keeps the keyed hash of the request body and the receipt line
   * it answered, so a copy of the request answers the same (null on older accruals).
   */
  requestHash: { type: String, default: null },
  userMessage: { type: String, default: null },
}, { collection: 'accruals', versionKey: false, strict: 'throw', minimize: false });

accrualSchema.index({ activeCheckKey: 1 }, { unique: true });
accrualSchema.index({ programId: 1, transactionGuids: 1 });
accrualSchema.index({ state: 1, acceptedAt: 1 });
accrualSchema.index({ memberId: 1, state: 1 });
// Receipt claims look a check up by restaurant + check; ledger:verify streams in this order.
accrualSchema.index({ restaurantGuid: 1, checkGuid: 1 });
// Daily reports read a day's posted and reversed checks (server/reports/).
accrualSchema.index({ programId: 1, postedAt: 1 });
accrualSchema.index({ programId: 1, reversedAt: 1 });
// Backtests (server/replay) stream a program's checks of a date range in check-time order.
accrualSchema.index({ programId: 1, checkTime: 1 });

export type AccrualDoc = InferSchemaType<typeof accrualSchema>;
