/**
 * ACCRUE-time reconciliation: the paid check is the truth about which rewards the guest got. A
 * redemption we debited for this check whose discount is no longer on it (removed, or VOID — the
 * edge normaliser drops voided discounts, and a discount on a voided line is gone with its line)
 * is reversed automatically: points back, usage released, ledger entry `REVERSE_REDEEM` with
 * cause `DISCOUNT_GONE_AT_ACCRUE`. The credit's sourceKey is the one a REVERSE uses
 * (`reverse:<debit sourceKey>`), so a redemption already reversed by Toast is not credited twice,
 * and a REVERSE after this finds nothing left to do. Redemptions without a discount GUID cannot
 * be matched to the check and are left alone.
 */
import type { NormalizedCheck } from '../../../rules/index.js';
import type { Models } from '../../store/models/index.js';
import { reverseRedemptions } from '../reversal/redeem-reversal.js';
import type { CommittedRedemption } from './redeemed-discounts.js';

export const DISCOUNT_GONE = 'DISCOUNT_GONE_AT_ACCRUE';

export interface ReconcileInput {
  models: Models;
  programId: string;
  restaurantGuid: string;
  check: NormalizedCheck;
  now: Date;
}

/** Discount GUIDs of ours still standing on the paid check. */
function standing(check: NormalizedCheck): Set<string> {
  const live = [...check.checkLoyaltyDiscounts, ...check.lines.filter((l) => !l.voided).flatMap((l) => l.loyaltyDiscounts)];
  return new Set(live.flatMap((d) => (d.appliedDiscountGuid ? [d.appliedDiscountGuid] : [])));
}

interface Row {
  memberId: string; rewardId: string; quantity: number; amountCents: number; points?: number | null; sourceKey?: string | null;
  appliedDiscountGuid?: string | null; multiItemDiscountGuid?: string | null; transactionGuid: string; _id: string;
}

function committedOf(row: Row): CommittedRedemption {
  return {
    rewardId: row.rewardId, appliedDiscountGuid: row.appliedDiscountGuid ?? null, multiItemDiscountGuid: row.multiItemDiscountGuid ?? null,
    quantity: row.quantity, points: row.points ?? 0, amountCents: row.amountCents, sourceKey: row.sourceKey ?? row._id.slice(row.memberId.length + 1),
  };
}

/** Reverses this check's redemptions whose discount is gone; answers how many were reversed. */
export async function reverseRedemptionsGoneFromCheck(input: ReconcileInput): Promise<number> {
  const checkGuid = input.check.checkGuid;
  if (!checkGuid) return 0;
  const rows = await input.models.RewardRedemption.find({ restaurantGuid: input.restaurantGuid, checkGuid, reversedAt: null }).lean<Row[]>();
  const live = standing(input.check);
  const gone = rows.filter((r) => r.appliedDiscountGuid && !live.has(r.appliedDiscountGuid));
  for (const row of gone) {
    await reverseRedemptions({
      models: input.models, programId: input.programId, restaurantGuid: input.restaurantGuid, memberId: row.memberId,
      transactionGuid: row.transactionGuid, committed: [committedOf(row)], listed: null, now: input.now, cause: DISCOUNT_GONE,
    });
  }
  return gone.length;
}
