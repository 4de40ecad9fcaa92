import { abandonedRedeemSweeper } from './abandoned-redeem.sweeper.js';
import { accrualSweeper } from './accrual.sweeper.js';
import { accrualWorker } from './accrual.worker.js';
import { claimSweeper } from './claim.sweeper.js';
import type { WorkerDeps, WorkerModule, Stoppable } from './deps.js';
import { expiryScheduler } from './expiry.scheduler.js';
import { ledgerVerifyScheduler } from './ledger-verify.scheduler.js';
import { menuSyncScheduler } from './menu-sync.scheduler.js';
import { programPublishSweeper } from './program-publish.sweeper.js';
import { reportRollupScheduler } from './report-rollup.scheduler.js';
import { retentionScheduler } from './retention.scheduler.js';

/** Every background worker Perkwire runs (ROLE=all or ROLE=worker). */
export const workerModules: WorkerModule[] = [
  accrualWorker, accrualSweeper, claimSweeper, abandonedRedeemSweeper, ledgerVerifyScheduler, expiryScheduler, retentionScheduler, menuSyncScheduler, programPublishSweeper,
  reportRollupScheduler,
];

export async function startWorkers(deps: WorkerDeps, modules: WorkerModule[] = workerModules): Promise<Stoppable[]> {
  const started: Stoppable[] = [];
  for (const module of modules) {
    started.push(await module.start(deps));
    deps.logger.info({ worker: module.name }, 'worker started');
  }
  return started;
}
