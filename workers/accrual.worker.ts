/**
 * Posts accepted accruals: one BullMQ job per accrual (`accrual-<id>`), computed with the rule
 * set active when Toast was answered. At-least-once delivery is safe: posting is idempotent on
 * the ledger sourceKey `accrual:<id>`.
 */
import { UnrecoverableError, Worker, type WorkerOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { Types } from 'mongoose';
import type { Config } from '../config/index.js';
import { postAccrual } from '../server/loyalty/accrual/accrual.js';
import { workerConnection } from '../server/queues/connections.js';
import type { Stoppable, WorkerDeps, WorkerModule } from './deps.js';
import { queueNames, type AccrualJobData } from '../server/queues/queues.js';

/** The accrual worker's BullMQ options: ACCRUAL_CONCURRENCY jobs at once, JOB_LOCK_MS locks. */
export function accrualWorkerOptions(config: Config, connection: Redis): WorkerOptions {
  return {
    // Posting waits on MongoDB most of the time: with few jobs in flight, a worker sharing its
    // process with the API (ROLE=all) gets a small share of the round trips and falls behind.
    connection, prefix: config.queuePrefix, concurrency: config.accrualConcurrency,
    // A dead worker's jobs are re-run after the lock lapses; posting is idempotent.
    lockDuration: config.jobLockMs, stalledInterval: config.jobLockMs,
  };
}

export const accrualWorker: WorkerModule = {
  name: 'accrual',
  async start(deps: WorkerDeps): Promise<Stoppable> {
    const connection = workerConnection(deps.config.redisUrl);
    connection.on('error', (err) => deps.logger.warn({ err: err.message }, 'accrual worker redis error'));
    const worker = new Worker<AccrualJobData>(queueNames.accrual, async (job) => {
      const { accrualId } = job.data;
      if (!Types.ObjectId.isValid(accrualId)) throw new UnrecoverableError('malformed accrual id');
      const outcome = await postAccrual(deps, accrualId, deps.clock.now());
      if (outcome === 'NOT_FOUND') throw new UnrecoverableError('accrual not found');
      return outcome;
    }, accrualWorkerOptions(deps.config, connection));
    worker.on('failed', (job, err) => deps.logger.warn({ jobId: job?.id, attempts: job?.attemptsMade, err: err.message }, 'accrual job failed'));
    worker.on('error', (err) => deps.logger.warn({ err: err.message }, 'accrual worker error'));
    return {
      name: 'accrual worker',
      stop: async () => {
        await worker.close();
        connection.disconnect();
      },
    };
  },
};
