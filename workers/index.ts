import { accrualSweeper } from './accrual-sweeper';
import { accrualWorker } from './accrual.worker';
import { claimSweeper } from './claim-sweeper';
import type { WorkerDeps, WorkerModule, Stoppable } from './deps';
import { expiryWorker } from './expiry.worker';
import { ledgerVerifyScheduler } from './ledger-verify.scheduler';
import { retentionScheduler } from './retention.scheduler';

/** Every background worker Perkwire runs (ROLE=all or ROLE=worker). */
export const workerModules: WorkerModule[] = [
  accrualWorker, accrualSweeper, claimSweeper, ledgerVerifyScheduler, expiryWorker, retentionScheduler,
];

export async function startWorkers(deps: WorkerDeps, modules: WorkerModule[] = workerModules): Promise<Stoppable[]> {
  const started: Stoppable[] = [];
  for (const module of modules) {
    started.push(await module.start(deps));
    deps.logger.info({ worker: module.name }, 'worker started');
  }
  return started;
}
