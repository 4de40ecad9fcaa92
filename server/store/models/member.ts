import { Schema, type InferSchemaType } from 'mongoose';

/**
 * A loyalty member of one program. `loyaltyIdentifier` is opaque and random (never PII).
 * Phone (10 digits), email (lower-case) and card numbers are unique per program, but that is
 * guaranteed by the `memberKeys` collection (see member-key.ts), not by indexes here: a
 * unique compound index would collide on members without a phone, and partial indexes are
 * not available on every server we support. `pointsBalance` and `ledgerSeq` are a projection
 * of the ledger, moved forward only by `server/loyalty/ledger/ledger.ts`.
 */
export const memberSchema = new Schema({
  programId: { type: String, required: true },
  loyaltyIdentifier: { type: String, required: true },
  phone: { type: String, default: null },
  email: { type: String, default: null },
  firstName: { type: String, default: null },
  lastName: { type: String, default: null },
  /** Lower-case names for case-insensitive search without regex scans on user input. */
  firstNameLower: { type: String, default: null },
  lastNameLower: { type: String, default: null },
  status: { type: String, enum: ['STARTER', 'REGISTERED', 'SUSPENDED'], required: true },
  tier: { type: String, default: null },
  cardNumbers: { type: [String], default: [] },
  visits: { type: Number, default: 0 },
  lifetimePoints: { type: Number, default: 0 },
  pointsBalance: { type: Number, default: 0 },
  ledgerSeq: { type: Number, default: 0 },
  lastActivityAt: { type: Date, default: null },
  /**
   * PER_LOT expiry's earned lots, a projection of the ledger up to `lotsSeq` kept by
   * server/loyalty/ledger/lot-projection.ts (model: policy/expiry-lots.ts): head, middle pages
   * and tail, packed 16 bytes a lot (Binary), and every lot's number and points. `lotsSeq` null
   * (members from before the projection): built from the ledger once, on first use.
   */
  lotHead: { type: Schema.Types.Mixed, default: undefined },
  lotTail: { type: Schema.Types.Mixed, default: undefined },
  lotPages: { type: Schema.Types.Mixed, default: undefined },
  lotCount: { type: Number, default: undefined },
  lotPoints: { type: Number, default: undefined },
  lotPageCount: { type: Number, default: undefined },
  lotDeficit: { type: Number, default: undefined },
  lotTraces: { type: Schema.Types.Mixed, default: undefined },
  lotsSeq: { type: Number, default: null },
  /**
   * Reward usage counters per limited period, `<rewardId>~<period>~<period start ms>` →
   * `{ n: units used, h: sourceKeys holding them }`, reserved by one guarded update at REDEEM
   * (server/loyalty/redemption/usage-counters.ts). `usageBuilt` unset (members from before the
   * counters): built from `rewardRedemptions` once, on first use.
   */
  usage: { type: Schema.Types.Mixed, default: undefined },
  usageBuilt: { type: Boolean, default: undefined },
  /** Ledger seq the current `tier` was computed from (server/loyalty/tiers/tier-update.ts). */
  tierSeq: { type: Number, default: 0 },
  /**
   * The latest tier change, written with the tier in one update so that a crash before its
   * `tierChanges` record is inserted is repaired by the next recomputation.
   */
  lastTierChange: {
    type: new Schema({
      from: { type: String, default: null },
      to: { type: String, default: null },
      seq: { type: Number, required: true },
      causeKey: { type: String, required: true },
      at: { type: Date, required: true },
      recorded: { type: Boolean, required: true },
    }, { _id: false, strict: 'throw' }),
    default: null,
  },
  /**
   * Toast transaction GUID of the latest TRANSFER that moved this member's identifier or a card,
   * set in the same update as the move: a re-run of that TRANSFER (its answer never stored)
   * recognises its own effect instead of refusing the source it moved away.
   */
  lastTransferGuid: { type: String, default: null },
  /**
   * Toast-Transaction-GUID of the SIGNUP that created this member (null otherwise), written with
   * the member: a retry of that SIGNUP whose answer was never stored recognises its own account
   * and answers the same ACCEPT instead of ERROR_ALREADY_REGISTERED.
   */
  signupGuid: { type: String, default: null },
  /** The status a SUSPENDED member had before (admin suspend/reinstate); null otherwise. */
  statusBeforeSuspension: { type: String, enum: ['STARTER', 'REGISTERED'], default: null },
  createdAt: { type: Date, required: true },
  /** Set when the guest's personal data was erased (server/loyalty/members/erase.ts); the record stays as a tombstone. */
  erasedAt: { type: Date, default: null },
}, { collection: 'members', versionKey: false, strict: 'throw' });

memberSchema.index({ programId: 1, loyaltyIdentifier: 1 }, { unique: true });
memberSchema.index({ programId: 1, phone: 1 });
memberSchema.index({ programId: 1, email: 1 });
memberSchema.index({ programId: 1, lastNameLower: 1, firstNameLower: 1 });
memberSchema.index({ programId: 1, firstNameLower: 1 });
// Daily reports count a day's new members (server/reports/).
memberSchema.index({ programId: 1, createdAt: 1 });

export type MemberDoc = InferSchemaType<typeof memberSchema>;
