/**
 * Daily retention at 04:30 UTC: deletes stored INQUIRE/SEARCH answers older than
 * READ_ONLY_ANSWER_RETENTION_DAYS (server/loyalty/idempotency/retention.ts). Repeating a run is harmless.
 */
import { pruneReadOnlyAnswers } from '../server/loyalty/idempotency/retention.js';
import type { WorkerModule } from './deps.js';
import { queueNames, type RetentionJobData } from '../server/queues/queues.js';
import { scheduledJobModule } from './scheduled-job.js';

export const retentionSchedulerId = 'retention-daily';

export const retentionScheduler: WorkerModule = scheduledJobModule<RetentionJobData, number>({
  name: 'retention',
  queueName: queueNames.retention,
  jobName: 'prune',
  jobOptions: { attempts: 3, backoff: { type: 'exponential', delay: 60_000 }, removeOnComplete: { count: 30 }, removeOnFail: { count: 30 } },
  schedules: async () => [{ id: retentionSchedulerId, pattern: '30 4 * * *', tz: 'UTC', data: {} }],
  run: async (deps) => {
    const deleted = await pruneReadOnlyAnswers(deps.models, deps.clock.now(), deps.config.readOnlyAnswerRetentionDays);
    deps.logger.info({ deleted, days: deps.config.readOnlyAnswerRetentionDays }, 'stored read-only answers pruned');
    return deleted;
  },
});
