/**
 * Re-enqueues accruals still PENDING a while after ACCEPT (invariant 7): the job was never
 * added (Redis was down), or it was lost. Adding is deduplicated by job id while the job exists,
 * and posting is idempotent, so sweeping too often is harmless.
 */
import { enqueueAccrual } from '../server/loyalty/accrual/accrual.js';
import { pendingAccrualIds } from '../server/loyalty/accrual/accrual-backlog.js';
import { producerConnection } from '../server/queues/connections.js';
import type { Stoppable, WorkerDeps, WorkerModule } from './deps.js';
import { every } from './periodic.js';
import { createQueues } from '../server/queues/queues.js';

const batch = 500;

/** Re-enqueues up to `batch` accruals pending longer than ACCRUAL_SWEEP_AFTER_MS; returns how many. */
export async function sweepPendingAccruals(deps: WorkerDeps, enqueue: (id: string) => Promise<boolean>): Promise<number> {
  const cutoff = new Date(deps.clock.now().getTime() - deps.config.accrualSweepAfterMs);
  let added = 0;
  for (const id of await pendingAccrualIds(deps.models, cutoff, batch)) if (await enqueue(id)) added++;
  return added;
}

export const accrualSweeper: WorkerModule = {
  name: 'accrual-sweeper',
  async start(deps: WorkerDeps): Promise<Stoppable> {
    const redis = producerConnection(deps.config.redisUrl);
    redis.on('error', () => undefined); // outages are expected here; the next sweep retries
    const queues = createQueues(redis, deps.config.queuePrefix);
    const sweeps = every(deps.config.accrualSweepIntervalMs, async () => {
      const n = await sweepPendingAccruals(deps, (id) => enqueueAccrual({ ...deps, queues }, id));
      if (n > 0) deps.logger.info({ requeued: n }, 'accrual sweeper re-enqueued pending accruals');
    }, (err) => deps.logger.warn({ err: err.message }, 'accrual sweep failed'));
    return {
      name: 'accrual sweeper',
      stop: async () => {
        await sweeps.stop();
        await queues.close().catch(() => undefined);
        redis.disconnect();
      },
    };
  },
};
