/**
 * REVERSE of a REDEEM: credits back the points of all the transaction's redemptions, or of those
 * listed (by appliedDiscountGuid, or multiItemDiscountGuid for MULTI_ITEM; a redemption listed
 * twice counts once), and restores their usage. Each credit is keyed `reverse:<debit sourceKey>`,
 * so every redemption is reversed at most once whatever the retries; reversing one again is a
 * no-op, not an error.
 */
import type { SubmittedRedemption } from '../../../rules/index.js';
import type { Models } from '../../store/models/index.js';
import type { CommittedRedemption } from '../redemption/redemption.js';
import { appendEntry } from '../ledger/ledger.js';
import { selectTargets } from '../policy/discount-guids.js';
import { release } from '../redemption/limit-slots.js';
import { updateTier } from '../tiers/tier-update.js';

export interface ReverseRedeemInput {
  models: Models;
  programId: string;
  restaurantGuid: string;
  memberId: string;
  /** The REDEEM's Toast-Transaction-GUID. */
  transactionGuid: string;
  committed: CommittedRedemption[];
  /** Absent, null or empty: reverse every redemption of the transaction. */
  listed: SubmittedRedemption[] | null | undefined;
  now: Date;
  /** Recorded on the credit when no REVERSE asked for it (e.g. `DISCOUNT_GONE_AT_ACCRUE`). */
  cause?: string;
}

/** Reverses the selected redemptions; returns how many were credited now (0 on a repeat). */
export async function reverseRedemptions(input: ReverseRedeemInput): Promise<number> {
  const targets = selectTargets(input.committed, input.listed);
  let credited = 0;
  for (const c of targets) {
    if (c.points > 0) {
      const outcome = await appendEntry(input.models, {
        programId: input.programId, memberId: input.memberId, delta: c.points, kind: 'REVERSE_REDEEM',
        sourceKey: `reverse:${c.sourceKey}`, floor: 'ALLOW_NEGATIVE',
        refs: {
          restaurantGuid: input.restaurantGuid, transactionGuid: input.transactionGuid,
          appliedDiscountGuids: [c.appliedDiscountGuid ?? c.multiItemDiscountGuid].filter((g): g is string => !!g),
        },
        provenance: { ruleIds: [c.rewardId] },
        ...(input.cause ? { cause: input.cause } : {}),
      }, input.now);
      if (outcome.status === 'APPLIED') credited += 1;
    }
    const usageId = `${input.memberId}:${c.sourceKey}`;
    await input.models.RewardRedemption.updateOne({ _id: usageId, reversedAt: null }, { $set: { reversedAt: input.now } });
    // Also on a repeat: a crash may have come between marking the usage and freeing its slots.
    const usage = await input.models.RewardRedemption.findById(usageId, { limitSlots: 1 }).lean();
    await release(input.models, usage?.limitSlots ?? [], c.sourceKey);
  }
  const last = targets[targets.length - 1];
  if (last) await updateTier(input.models, { programId: input.programId, memberId: input.memberId, causeKey: `reverse:${last.sourceKey}`, now: input.now });
  return credited;
}
