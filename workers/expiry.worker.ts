/**
 * Daily points expiry and tier upkeep per program. At boot, one BullMQ job scheduler per program
 * whose active rule set expires points or has tiers (`expiry-<programId>`, upserted: idempotent,
 * every replica may do it) adds an `expire` job every day at 03:30 in the program's timezone (its
 * first location's): a quiet hour before breakfast. A worker (concurrency 1) walks the program's
 * members (server/loyalty/program-expiry.ts). At-least-once delivery is safe: EXPIRE entries and
 * tier changes are idempotent per member and day. Programs published after boot are scheduled at
 * the next boot; the job reads the active rule set when it runs, so a changed policy applies at once.
 */
import { Queue, UnrecoverableError, Worker } from 'bullmq';
import type { Program } from '../rules/index.js';
import { programTimezone } from '../server/loyalty/expiry';
import { activeProgram } from '../server/loyalty/program-cache';
import { runProgramExpiry, type ProgramExpiryReport } from '../server/loyalty/program-expiry';
import type { Models } from '../server/store/models/index';
import { workerConnection } from './connections';
import type { Stoppable, WorkerDeps, WorkerModule } from './deps';
import { queueNames, type ExpiryJobData } from './queues';

/** Cron pattern of the daily run, in the program's timezone. */
export const expiryPattern = '30 3 * * *';

/** The scheduler id of a program's daily run (BullMQ ids may not contain ':'). */
export function expirySchedulerId(programId: string): string {
  return `expiry-${programId}`;
}

/** Whether a program needs the daily run: it expires points or has tiers. */
export function needsDailyRun(program: Program): boolean {
  return program.policies.expiry.mode !== 'NONE' || program.tiers !== undefined;
}

/** Upserts one scheduler per program that needs it; returns what was scheduled (ids and zones only). */
export async function scheduleExpiry(models: Models, queue: Queue<ExpiryJobData>): Promise<{ programId: string; tz: string }[]> {
  const scheduled: { programId: string; tz: string }[] = [];
  for (const { _id: programId } of await models.Program.find({}, { _id: 1 }).sort({ _id: 1 }).lean()) {
    const program = (await activeProgram(models, programId))?.program;
    if (!program || !needsDailyRun(program)) continue;
    const tz = programTimezone(program);
    await queue.upsertJobScheduler(expirySchedulerId(programId), { pattern: expiryPattern, tz }, {
      name: 'expire', data: { programId },
      opts: { attempts: 5, backoff: { type: 'exponential', delay: 60_000 }, removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
    });
    scheduled.push({ programId, tz });
  }
  return scheduled;
}

/** Runs one program's expiry as of the injected clock and logs the totals (counts only). */
export async function runExpiryJob(deps: Pick<WorkerDeps, 'models' | 'logger' | 'clock'>, data: ExpiryJobData): Promise<ProgramExpiryReport> {
  if (typeof data.programId !== 'string' || data.programId === '') throw new UnrecoverableError('malformed expiry job');
  const report = await runProgramExpiry(deps.models, data.programId, deps.clock.now());
  if (!report) throw new UnrecoverableError('unknown program');
  deps.logger.info({ programId: data.programId, ...report }, 'points expiry run done');
  return report;
}

export const expiryWorker: WorkerModule = {
  name: 'expiry',
  async start(deps: WorkerDeps): Promise<Stoppable> {
    const connection = workerConnection(deps.config.redisUrl);
    connection.on('error', (err) => deps.logger.warn({ err: err.message }, 'expiry redis error'));
    const prefix = deps.config.queuePrefix;
    const queue = new Queue<ExpiryJobData>(queueNames.expiry, { connection, prefix });
    // Not awaited: with Redis down, boot goes on and the upserts complete once Redis is back.
    const upserted = scheduleExpiry(deps.models, queue).then(
      (scheduled) => deps.logger.info({ scheduled, pattern: expiryPattern }, 'points expiry scheduled'),
      (err: Error) => deps.logger.warn({ err: err.message }, 'points expiry could not be scheduled'),
    );
    const worker = new Worker<ExpiryJobData, ProgramExpiryReport>(queueNames.expiry, (job) => runExpiryJob(deps, job.data), {
      connection, prefix, concurrency: 1, lockDuration: deps.config.jobLockMs, stalledInterval: deps.config.jobLockMs,
    });
    worker.on('failed', (job, err) => deps.logger.warn({ jobId: job?.id, attempts: job?.attemptsMade, err: err.message }, 'expiry job failed'));
    worker.on('error', (err) => deps.logger.warn({ err: err.message }, 'expiry worker error'));
    return {
      name: 'expiry worker',
      stop: async () => {
        await worker.close();
        await Promise.race([upserted, new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
        await queue.close();
        connection.disconnect();
      },
    };
  },
};
