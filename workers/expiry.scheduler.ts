/**
 * Daily points expiry and tier upkeep per program. At boot, one BullMQ job scheduler per program
 * whose active rule set expires points or has tiers (`expiry-<programId>`, upserted: idempotent,
 * every replica may do it) adds an `expire` job every day at 03:30 in the program's timezone (its
 * first location's): a quiet hour before breakfast. A worker (concurrency 1) walks the program's
 * members (server/loyalty/expiry/program-expiry.ts). At-least-once delivery is safe: EXPIRE entries and
 * tier changes are idempotent per member and day. When a version is activated at runtime the
 * publish watcher (program-publish.sweeper.ts) re-syncs these schedulers within seconds; the job reads
 * the active rule set when it runs, so a changed policy applies at once.
 */
import { UnrecoverableError } from 'bullmq';
import { needsDailyRun, programTimezone } from '../server/loyalty/policy/expiry.js';
import { activeRuleSets } from '../server/loyalty/programs/active-versions.js';
import { runProgramExpiry, type ProgramExpiryReport } from '../server/loyalty/expiry/program-expiry.js';
import type { Models } from '../server/store/models/index.js';
import type { WorkerDeps, WorkerModule } from './deps.js';
import { queueNames, type ExpiryJobData } from '../server/queues/queues.js';
import { scheduledJobModule, type Schedule } from './scheduled-job.js';

/** Cron pattern of the daily run, in the program's timezone. */
export const expiryPattern = '30 3 * * *';

/** The scheduler id of a program's daily run (BullMQ ids may not contain ':'). */
export function expirySchedulerId(programId: string): string {
  return `expiry-${programId}`;
}

/**
 * One scheduler per program that needs the daily run (ids and zones only in the data), from each
 * program's active version as stored now (not the 1 s cache: a sync follows an activation).
 */
export async function expirySchedules(models: Models): Promise<Schedule<ExpiryJobData>[]> {
  return (await activeRuleSets(models)).filter(({ program }) => needsDailyRun(program))
    .map(({ programId, program }) => ({ id: expirySchedulerId(programId), pattern: expiryPattern, tz: programTimezone(program), data: { programId } }));
}

/** Runs one program's expiry as of the injected clock and logs the totals (counts only). */
export async function runExpiryJob(deps: Pick<WorkerDeps, 'models' | 'logger' | 'clock'>, data: ExpiryJobData): Promise<ProgramExpiryReport> {
  if (typeof data.programId !== 'string' || data.programId === '') throw new UnrecoverableError('malformed expiry job');
  const report = await runProgramExpiry(deps.models, data.programId, deps.clock.now());
  if (!report) throw new UnrecoverableError('unknown program');
  deps.logger.info({ programId: data.programId, ...report }, 'points expiry run done');
  return report;
}

/** Name and options of the jobs the expiry schedulers add (also used by the publish watcher's re-sync). */
export const expiryJobName = 'expire';
export const expiryJobOptions = { attempts: 5, backoff: { type: 'exponential', delay: 60_000 }, removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } };

export const expiryScheduler: WorkerModule = scheduledJobModule<ExpiryJobData, ProgramExpiryReport>({
  name: 'expiry',
  queueName: queueNames.expiry,
  jobName: expiryJobName,
  jobOptions: expiryJobOptions,
  schedules: (deps) => expirySchedules(deps.models),
  run: (deps, data) => runExpiryJob(deps, data),
});
