/**
 * Daily menu re-sync at 05:15 UTC: every location's catalogue is refreshed from Toast's menus
 * API (metadata first; the full menus only when Toast's lastUpdated moved). Without Toast API
 * credentials the run logs that it skipped. A failed restaurant keeps its previous catalogue;
 * a repeated run downloads nothing new, so at-least-once delivery is harmless.
 */
import { menusClientFromConfig, toastApiConfigured } from '../server/menus/client-from-config.js';
import { describeSync, syncAllLocations, type SyncOutcome } from '../server/menus/sync.js';
import type { WorkerModule } from './deps.js';
import { queueNames, type MenuSyncJobData } from '../server/queues/queues.js';
import { scheduledJobModule } from './scheduled-job.js';

export const menuSyncSchedulerId = 'menu-sync-daily';

/** Before the lunch menus go live in the Americas, after the nightly ledger check. */
export const menuSyncSchedule = { pattern: '15 5 * * *', tz: 'UTC' } as const;

export interface MenuSyncRun {
  skipped: boolean;
  outcomes: SyncOutcome[];
}

export const menuSyncScheduler: WorkerModule = scheduledJobModule<MenuSyncJobData, MenuSyncRun>({
  name: 'menu-sync',
  queueName: queueNames.menuSync,
  jobName: 'sync',
  // Failures are per restaurant and reported, not thrown; tomorrow's run tries again.
  jobOptions: { attempts: 1, removeOnComplete: { count: 30 }, removeOnFail: { count: 30 } },
  schedules: async () => [{ id: menuSyncSchedulerId, ...menuSyncSchedule, data: {} }],
  run: async (deps) => {
    if (!toastApiConfigured(deps.config)) {
      deps.logger.info('menu sync skipped: TOAST_API_URL, TOAST_CLIENT_ID and TOAST_CLIENT_SECRET are not all set');
      return { skipped: true, outcomes: [] };
    }
    const outcomes = await syncAllLocations(deps.models, menusClientFromConfig(deps.config), deps.clock.now());
    for (const o of outcomes) {
      if (o.status === 'failed') deps.logger.warn({ restaurant: o.restaurantGuid, code: o.code }, describeSync(o));
      else deps.logger.info({ restaurant: o.restaurantGuid, status: o.status }, describeSync(o));
    }
    return { skipped: false, outcomes };
  },
});
