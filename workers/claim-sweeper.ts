/**
 * Finishes receipt claims a crash interrupted: an accrual flipped to CLAIMED whose ledger entry
 * was never appended (its `postedAt` is still empty) a while after the claim. `finishClaim` is
 * idempotent on the ledger sourceKey `claim:<accrualId>`, so racing the member's own retry, or
 * another replica's sweep, is harmless. Runs in MongoDB alone: no Redis needed.
 */
import type { Types } from 'mongoose';
import { finishClaim } from '../server/loyalty/claims/claims.js';
import type { AccrualDoc } from '../server/store/models/accrual.js';
import type { Stoppable, WorkerDeps, WorkerModule } from './deps.js';
import { every } from './periodic.js';

const batch = 200;

/** Finishes up to `batch` claims left unposted longer than ACCRUAL_SWEEP_AFTER_MS; returns how many. */
export async function sweepUnfinishedClaims(deps: WorkerDeps): Promise<number> {
  const now = deps.clock.now();
  const cutoff = new Date(now.getTime() - deps.config.accrualSweepAfterMs);
  const stuck = await deps.models.Accrual.find({ state: 'CLAIMED', postedAt: null, claimedAt: { $lte: cutoff } })
    .sort({ acceptedAt: 1 }).limit(batch).lean<(AccrualDoc & { _id: Types.ObjectId })[]>();
  let finished = 0;
  for (const acc of stuck) {
    const outcome = await finishClaim(deps.models, acc, now, true);
    if (outcome.status === 'CLAIMED') finished++;
  }
  return finished;
}

export const claimSweeper: WorkerModule = {
  name: 'claim-sweeper',
  async start(deps: WorkerDeps): Promise<Stoppable> {
    const sweeps = every(deps.config.accrualSweepIntervalMs, async () => {
      const n = await sweepUnfinishedClaims(deps);
      if (n > 0) deps.logger.info({ finished: n }, 'claim sweeper finished interrupted claims');
    }, (err) => deps.logger.warn({ err: err.message }, 'claim sweep failed'));
    return { name: 'claim sweeper', stop: () => sweeps.stop() };
  },
};
