/**
 * Receipt claims a crash interrupted: an accrual flipped to CLAIMED whose ledger entry was never
 * appended (its `postedAt` is still empty) a while after the claim. `finishClaim` is idempotent
 * on the ledger sourceKey `claim:<accrualId>`, so racing the member's own retry, or another
 * replica's sweep, is harmless (the claim sweeper in workers/ calls this).
 */
import type { Types } from 'mongoose';
import type { AccrualDoc } from '../../store/models/accrual.js';
import type { Models } from '../../store/models/index.js';
import { finishClaim } from './claims.js';

/** Finishes up to `limit` claims made at or before `claimedBefore` and still unposted; returns how many it finished. */
export async function finishInterruptedClaims(models: Models, now: Date, claimedBefore: Date, limit: number): Promise<number> {
  const stuck = await models.Accrual.find({ state: 'CLAIMED', postedAt: null, claimedAt: { $lte: claimedBefore } })
    .sort({ acceptedAt: 1 }).limit(limit).lean<(AccrualDoc & { _id: Types.ObjectId })[]>();
  let finished = 0;
  for (const acc of stuck) {
    const outcome = await finishClaim(models, acc, now, true);
    if (outcome.status === 'CLAIMED') finished++;
  }
  return finished;
}
