/**
 * Daily report rollups: every 5 minutes a job recomputes today's and yesterday's rollups of
 * every program (server/reports/daily-rollup.ts). A run replaces whole days, so a repeated or
 * stalled run is harmless; the report lags the ledger by at most one interval.
 */
import { refreshRecentDays } from '../server/reports/daily-rollup.js';
import type { WorkerModule } from './deps.js';
import { queueNames, type ReportRollupJobData } from '../server/queues/queues.js';
import { scheduledJobModule } from './scheduled-job.js';

export const reportRollupSchedulerId = 'report-rollup';

export const reportRollupScheduler: WorkerModule = scheduledJobModule<ReportRollupJobData, { programs: number; rows: number }>({
  name: 'report-rollup',
  queueName: queueNames.reportRollup,
  jobName: 'refresh',
  jobOptions: { attempts: 1, removeOnComplete: { count: 30 }, removeOnFail: { count: 30 } },
  schedules: async () => [{ id: reportRollupSchedulerId, pattern: '*/5 * * * *', tz: 'UTC', data: {} }],
  run: async (deps) => {
    const result = await refreshRecentDays(deps.models, deps.clock.now());
    deps.logger.info(result, 'report rollups refreshed');
    return result;
  },
});
