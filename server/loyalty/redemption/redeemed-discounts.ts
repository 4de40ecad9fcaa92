/**
 * A redemption is identified by its applied discount on the check. Once a REDEEM debited for
 * discount D (appliedDiscountGuid, or multiItemDiscountGuid for a bundle), any later REDEEM or
 * INQUIRE that carries D — a new Toast-Transaction-GUID, D now APPLIED, with or without the GUID
 * on the redemption itself — is answered as applied from the record of that redemption, with no
 * second validation and no second debit. A D whose redemption was reversed is refused: Toast
 * applies a new discount to redeem the reward again.
 *
 * Concurrent first REDEEMs of one D cannot both debit either: the debit's ledger sourceKey is
 * derived from D (redemption.ts), and the ledger's unique (member, sourceKey) index lets one win.
 */
import type { AppliedRedemption, Program, RejectedRedemption, SubmittedRedemption } from '../../../rules/index.js';
import type { Models } from '../../store/models/index.js';
import type { TransactionRecord } from '../idempotency/idempotency.js';

export type CommittedRedemption = NonNullable<TransactionRecord['redemptions']>[number];

/** A submitted redemption that an earlier REDEEM already debited. */
export interface AlreadyRedeemed {
  redemption: SubmittedRedemption;
  applied: AppliedRedemption;
  committed: CommittedRedemption;
}

export interface RedeemedSplit {
  /** Redemptions still to validate (and, at REDEEM, to debit). */
  fresh: SubmittedRedemption[];
  already: AlreadyRedeemed[];
  /** Redemptions whose discount was redeemed and then reversed. */
  refused: RejectedRedemption[];
}

export const REVERSED_MESSAGE = 'This reward was reversed; apply it again to redeem it';

export interface RedemptionRow {
  _id: string;
  memberId: string;
  transactionGuid?: string;
  rewardId: string;
  quantity: number;
  amountCents: number;
  points?: number | null;
  sourceKey?: string | null;
  appliedDiscountGuid?: string | null;
  multiItemDiscountGuid?: string | null;
  selectionGuid?: string | null;
  name?: string | null;
  itemApplication?: { selectionIdentifier?: string | null; amountCents?: number | null }[] | null;
  reversedAt?: Date | null;
}

function identityOf(r: { appliedDiscountGuid?: string | null; multiItemDiscountGuid?: string | null }): string | null {
  return r.appliedDiscountGuid ?? r.multiItemDiscountGuid ?? null;
}

/** A submitted redemption answered from the record of the earlier redemption of its discount. */
export function answerFromRecord(row: RedemptionRow, r: SubmittedRedemption, program: Program): AlreadyRedeemed {
  const name = row.name ?? r.name ?? program.rewards.find((x) => x.id === row.rewardId)?.name ?? row.rewardId;
  const applied: AppliedRedemption = {
    identifier: row.rewardId, selectionGuid: row.selectionGuid ?? null, appliedDiscountGuid: row.appliedDiscountGuid ?? null,
    multiItemDiscountGuid: row.multiItemDiscountGuid ?? null, quantity: row.quantity, name, amountCents: row.amountCents, pointsCost: row.points ?? 0,
  };
  if (row.itemApplication?.length) {
    applied.itemApplication = row.itemApplication.map((a) => ({ selectionIdentifier: a.selectionIdentifier ?? '', amountCents: a.amountCents ?? 0 }));
  }
  const sourceKey = row.sourceKey ?? row._id.slice(row.memberId.length + 1);
  const committed: CommittedRedemption = {
    rewardId: row.rewardId, appliedDiscountGuid: applied.appliedDiscountGuid, multiItemDiscountGuid: applied.multiItemDiscountGuid,
    quantity: row.quantity, points: row.points ?? 0, amountCents: row.amountCents, sourceKey,
  };
  return { redemption: r, applied, committed };
}

/** The member's redemptions recorded for any of these discount GUIDs (reversed ones included). */
async function recordsFor(models: Models, memberId: string, guids: string[]): Promise<RedemptionRow[]> {
  if (guids.length === 0) return [];
  return models.RewardRedemption.find({
    memberId, $or: [{ appliedDiscountGuid: { $in: guids } }, { multiItemDiscountGuid: { $in: guids } }],
  }).lean<RedemptionRow[]>();
}

/**
 * The record of an earlier request's redemption under `sourceKey` (its discount), or null: how a
 * first-run REDEEM, which does not read the records up front, learns why its debit's sourceKey
 * was taken (redemption.ts).
 */
export async function earlierRedemption(models: Models, memberId: string, sourceKey: string, transactionGuid: string): Promise<RedemptionRow | null> {
  const row = await models.RewardRedemption.findById(`${memberId}:${sourceKey}`).lean<RedemptionRow>();
  return row && row.transactionGuid !== transactionGuid ? row : null;
}

/**
 * Splits submitted redemptions (their discount GUIDs already filled in from the check) into
 * fresh ones, ones already redeemed (answered from their record) and ones reversed (refused).
 */
export async function splitRedeemed(models: Models, program: Program, memberId: string, redemptions: SubmittedRedemption[]): Promise<RedeemedSplit> {
  const guids = redemptions.map(identityOf).filter((g): g is string => g !== null);
  const rows = await recordsFor(models, memberId, guids);
  const split: RedeemedSplit = { fresh: [], already: [], refused: [] };
  for (const r of redemptions) {
    const id = identityOf(r);
    const matching = id === null ? [] : rows.filter((row) => row.appliedDiscountGuid === id || row.multiItemDiscountGuid === id);
    const live = matching.find((row) => !row.reversedAt);
    if (live) split.already.push(answerFromRecord(live, r, program));
    else if (matching.length > 0) split.refused.push({ redemption: r, reason: 'ALREADY_REVERSED', message: REVERSED_MESSAGE });
    else split.fresh.push(r);
  }
  return split;
}
