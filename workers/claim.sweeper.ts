/**
 * Finishes receipt claims a crash interrupted (server/loyalty/claims/interrupted-claims.ts): a
 * claim left unposted longer than ACCRUAL_SWEEP_AFTER_MS. Runs in MongoDB alone: no Redis needed.
 */
import { finishInterruptedClaims } from '../server/loyalty/claims/interrupted-claims.js';
import type { Stoppable, WorkerDeps, WorkerModule } from './deps.js';
import { every } from './periodic.js';

const batch = 200;

/** Finishes up to `batch` claims left unposted longer than ACCRUAL_SWEEP_AFTER_MS; returns how many. */
export async function sweepUnfinishedClaims(deps: WorkerDeps): Promise<number> {
  const now = deps.clock.now();
  return finishInterruptedClaims(deps.models, now, new Date(now.getTime() - deps.config.accrualSweepAfterMs), batch);
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
