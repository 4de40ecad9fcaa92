/**
 * Nightly ledger verification: a BullMQ job scheduler adds one `verify` job every day at 04:00
 * UTC, and a worker (concurrency 1) runs `verifyLedger` and logs the violations (ids only) and
 * a summary. Upserting the scheduler at boot is idempotent, so every replica may do it.
 * Verification only reads, so a stalled job running twice is harmless.
 */
import { verifyLedger, type VerifyReport } from '../server/loyalty/ledger/ledger-verify.js';
import type { WorkerDeps, WorkerModule } from './deps.js';
import { queueNames, type LedgerVerifyJobData } from '../server/queues/queues.js';
import { scheduledJobModule } from './scheduled-job.js';

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

export const ledgerVerifyScheduler: WorkerModule = scheduledJobModule<LedgerVerifyJobData, VerifyReport>({
  name: 'ledger-verify',
  queueName: queueNames.ledgerVerify,
  jobName: 'verify',
  // Verification only reads: no retries needed, a stalled run repeated is harmless.
  jobOptions: { attempts: 1, removeOnComplete: { count: 30 }, removeOnFail: { count: 30 } },
  schedules: async () => [{ id: ledgerVerifySchedulerId, ...ledgerVerifySchedule, data: {} }],
  run: (deps) => runLedgerVerification(deps),
});
