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
import { appendEntry, type AppendStart } from '../ledger/ledger.js';
import { selectTargets } from '../policy/discount-guids.js';
import { activeProgram } from '../programs/program-cache.js';
import { releaseBudget } from '../redemption/reward-budgets.js';
import { releaseUsage } from '../redemption/usage-counters.js';

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
  /** The member as the caller read it (with the REVERSE's target): where the first credit starts. */
  start?: AppendStart;
}

/**
 * Marks the redemption reversed and gives back its budget (only the reversal that marked it)
 * and its usage counters (also on a repeat: a crash may have come between the two; the release
 * is idempotent).
 */
async function giveBackUsage(input: ReverseRedeemInput, c: CommittedRedemption): Promise<void> {
  const reward = (await activeProgram(input.models, input.programId))?.program.rewards.find((r) => r.id === c.rewardId);
  const marked = await input.models.RewardRedemption.findOneAndUpdate(
    { _id: `${input.memberId}:${c.sourceKey}`, reversedAt: null }, { $set: { reversedAt: input.now } },
    { returnDocument: 'before', projection: { amountCents: 1 } },
  ).lean();
  if (marked && reward?.limits?.budgetCents !== undefined) await releaseBudget(input.models, input.programId, c.rewardId, marked.amountCents);
  // A reward whose limits were removed since may still hold counters: only a reward known to be unlimited skips the release.
  if (!reward || reward.limits) await releaseUsage(input.models, input.memberId, c.sourceKey);
}

/** Reverses the selected redemptions; returns how many were credited now (0 on a repeat). */
export async function reverseRedemptions(input: ReverseRedeemInput): Promise<number> {
  const targets = selectTargets(input.committed, input.listed);
  let credited = 0;
  let start = input.start;
  for (const c of targets) {
    let gaveBack = false;
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
      }, input.now, {
        ...(start ? { start } : {}),
        // Needs the credit committed, not the member projection moved: done beside it.
        whileProjecting: () => giveBackUsage(input, c),
      });
      if (outcome.status === 'APPLIED') {
        credited += 1;
        start = outcome.member;
        gaveBack = true;
      }
    }
    if (!gaveBack) await giveBackUsage(input, c);
  }
  return credited;
}
