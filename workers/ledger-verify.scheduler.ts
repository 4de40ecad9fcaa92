/**
 * Nightly ledger verification: a BullMQ job scheduler adds one `verify` job every day at 04:00
 * UTC, and a worker (concurrency 1) runs `verifyLedger` and logs the violations (ids only) and
 * a summary. Upserting the scheduler at boot is idempotent, so every replica may do it.
 * Verification only reads, so a stalled job running twice is harmless.
 */
import { Queue, Worker } from 'bullmq';
import { verifyLedger, type VerifyReport } from '../server/loyalty/ledger-verify';
import { workerConnection } from './connections';
import type { Stoppable, WorkerDeps, WorkerModule } from './deps';
import { queueNames, type LedgerVerifyJobData } from './queues';

/** The scheduler's id (one per deployment prefix). */
export const ledgerVerifySchedulerId = 'ledger-verify-nightly';

/** Every day at 04:00 UTC, a quiet hour for restaurants in the Americas. */
export const ledgerVerifySchedule = { pattern: '0 4 * * *', tz: 'UTC' } as const;

/** Violations logged one by one per run; the summary counts them all. */
const maxLoggedViolations = 1000;

/** Runs one verification and logs what it found. */
export async function runLedgerVerification(deps: Pick<WorkerDeps, 'models' | 'logger'>): Promise<VerifyReport> {
  let logged = 0;
  const report = await verifyLedger(deps.models, {
    onViolation: (violation) => {
      if (logged++ < maxLoggedViolations) deps.logger.warn({ violation }, 'ledger violation');
    },
  });
  const summary = { members: report.members, entries: report.entries, activeAccruals: report.activeAccruals, violations: report.violations, byKind: report.byKind };
  if (report.ok) deps.logger.info(summary, 'ledger verification clean');
  else deps.logger.error(summary, 'ledger verification found violations');
  return report;
}

export const ledgerVerifyScheduler: WorkerModule = {
  name: 'ledger-verify',
  async start(deps: WorkerDeps): Promise<Stoppable> {
    const connection = workerConnection(deps.config.redisUrl);
    connection.on('error', (err) => deps.logger.warn({ err: err.message }, 'ledger-verify redis error'));
    const prefix = deps.config.queuePrefix;
    const queue = new Queue<LedgerVerifyJobData>(queueNames.ledgerVerify, { connection, prefix });
    // Not awaited: with Redis down, boot goes on and the upsert completes once Redis is back.
    const upserted = queue.upsertJobScheduler(ledgerVerifySchedulerId, ledgerVerifySchedule, {
      name: 'verify', data: {}, opts: { attempts: 1, removeOnComplete: { count: 30 }, removeOnFail: { count: 30 } },
    }).then(
      () => deps.logger.info({ scheduler: ledgerVerifySchedulerId, ...ledgerVerifySchedule }, 'ledger verification scheduled'),
      (err: Error) => deps.logger.warn({ err: err.message }, 'ledger verification could not be scheduled'),
    );
    const worker = new Worker<LedgerVerifyJobData, VerifyReport>(queueNames.ledgerVerify, () => runLedgerVerification(deps), {
      connection, prefix, concurrency: 1,
    });
    worker.on('failed', (job, err) => deps.logger.warn({ jobId: job?.id, err: err.message }, 'ledger verification failed'));
    worker.on('error', (err) => deps.logger.warn({ err: err.message }, 'ledger-verify worker error'));
    return {
      name: 'ledger-verify worker',
      stop: async () => {
        await worker.close();
        await Promise.race([upserted, new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
        await queue.close();
        connection.disconnect();
      },
    };
  },
};
