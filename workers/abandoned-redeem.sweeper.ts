/**
 * Credits back what REDEEMs never answered ACCEPT had debited, once nobody will retry them
 * (server/loyalty/redemption/abandoned-redeems.ts): claims still IN_PROGRESS ABANDONED_REDEEM_AFTER_MS
 * after their lease ended. Runs in MongoDB alone: no Redis needed.
 */
import { compensateAbandonedRedeems } from '../server/loyalty/redemption/abandoned-redeems.js';
import type { Stoppable, WorkerDeps, WorkerModule } from './deps.js';
import { every } from './periodic.js';

export const abandonedRedeemSweeper: WorkerModule = {
  name: 'abandoned-redeem-sweeper',
  async start(deps: WorkerDeps): Promise<Stoppable> {
    // Abandoned claims are rare and wait a grace period anyway: sweep at half of it, so the
    // scan of IN_PROGRESS claims stays off the hot path's back.
    const interval = Math.max(deps.config.accrualSweepIntervalMs, Math.floor(deps.config.abandonedRedeemAfterMs / 2));
    const sweeps = every(interval, async () => {
      const n = await compensateAbandonedRedeems(deps.models, deps.clock.now(), deps.config.abandonedRedeemAfterMs);
      if (n > 0) deps.logger.warn({ settled: n }, 'credited back REDEEMs that were never answered ACCEPT');
    }, (err) => deps.logger.warn({ err: err.message }, 'abandoned REDEEM sweep failed'));
    return { name: 'abandoned REDEEM sweeper', stop: () => sweeps.stop() };
  },
};
