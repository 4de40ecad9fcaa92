/**
 * A kind of recurring background work: BullMQ job schedulers upserted at boot (idempotent, so
 * every replica may do it; not awaited, so boot goes on while Redis is down and the upserts
 * finish once it is back) and one worker (concurrency 1) that runs the jobs. Job data holds ids
 * and primitives only. Each `run` must be safe to repeat: delivery is at least once.
 */
import { Queue, Worker, type JobsOptions } from 'bullmq';
import { workerConnection } from '../server/queues/connections.js';
import type { Stoppable, WorkerDeps, WorkerModule } from './deps.js';

export interface Schedule<D> {
  /** Scheduler id (no ':'; one per deployment prefix). */
  id: string;
  /** Cron pattern, in `tz`. */
  pattern: string;
  /** IANA timezone the pattern is read in. */
  tz: string;
  data: D;
}

export interface ScheduledJob<D, R> {
  /** Module name, also used in log lines. */
  name: string;
  queueName: string;
  /** Name of each added job. */
  jobName: string;
  jobOptions: JobsOptions;
  /** The schedulers to upsert at boot (may read the store). */
  schedules(deps: WorkerDeps): Promise<Schedule<D>[]>;
  run(deps: WorkerDeps, data: D): Promise<R>;
}

async function upsertAll<D, R>(job: ScheduledJob<D, R>, deps: WorkerDeps, queue: Queue<D>): Promise<void> {
  const schedules = await job.schedules(deps);
  for (const s of schedules) {
    // BullMQ derives the id and name types from a generic data type; ours are plain strings.
    await (queue as unknown as Queue).upsertJobScheduler(s.id, { pattern: s.pattern, tz: s.tz }, { name: job.jobName, data: s.data, opts: job.jobOptions });
  }
  deps.logger.info({ job: job.name, scheduled: schedules.map((s) => ({ id: s.id, pattern: s.pattern, tz: s.tz })) }, 'jobs scheduled');
}

/** The worker module of a scheduled job (listed in workers/index.ts). */
export function scheduledJobModule<D, R>(job: ScheduledJob<D, R>): WorkerModule {
  return {
    name: job.name,
    async start(deps: WorkerDeps): Promise<Stoppable> {
      const connection = workerConnection(deps.config.redisUrl);
      connection.on('error', (err) => deps.logger.warn({ job: job.name, err: err.message }, 'scheduled job redis error'));
      const prefix = deps.config.queuePrefix;
      const queue = new Queue<D>(job.queueName, { connection, prefix });
      const upserted = upsertAll(job, deps, queue)
        .catch((err: Error) => deps.logger.warn({ job: job.name, err: err.message }, 'jobs could not be scheduled'));
      const worker = new Worker<D, R>(job.queueName, (j) => job.run(deps, j.data), {
        connection, prefix, concurrency: 1, lockDuration: deps.config.jobLockMs, stalledInterval: deps.config.jobLockMs,
      });
      worker.on('failed', (j, err) => deps.logger.warn({ job: job.name, jobId: j?.id, attempts: j?.attemptsMade, err: err.message }, 'scheduled job failed'));
      worker.on('error', (err) => deps.logger.warn({ job: job.name, err: err.message }, 'scheduled job worker error'));
      return {
        name: `${job.name} worker`,
        stop: async () => {
          await worker.close();
          await Promise.race([upserted, new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
          await queue.close();
          connection.disconnect();
        },
      };
    },
  };
}
