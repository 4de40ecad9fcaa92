/**
 * The publish watcher: once a second, in every worker process,
 *  1. applies scheduled activations that are due (server/loyalty/programs/activation.ts:
 *     guarded updates, so any number of workers may race and each activation lands once), and
 *  2. when any program's active version changed since the last look, re-syncs the per-program
 *     expiry/tier schedulers (expiry.scheduler.ts): upserts what the active versions need (a new
 *     program, a changed timezone) and removes schedulers of programs that no longer need one.
 * API processes need nothing of this: they re-read the active version every second
 * (program-cache.ts).
 */
import { Queue } from 'bullmq';
import type { Logger } from 'pino';
import { applyDueActivations } from '../server/loyalty/programs/activation.js';
import { activeVersionsFingerprint } from '../server/loyalty/programs/active-versions.js';
import type { Models } from '../server/store/models/index.js';
import { workerConnection } from '../server/queues/connections.js';
import type { Stoppable, WorkerDeps, WorkerModule } from './deps.js';
import { expiryJobName, expiryJobOptions, expirySchedules, expirySchedulerId } from './expiry.scheduler.js';
import { every } from './periodic.js';
import { queueNames } from '../server/queues/queues.js';

/** How often the watcher looks. With program-cache's 1 s re-read, a due activation is in use everywhere within ~2 s. */
export const publishWatchIntervalMs = 1000;

/** Makes the expiry schedulers match the active versions; answers the ids kept and removed. */
export async function syncExpirySchedules(models: Models, queue: Queue): Promise<{ kept: string[]; removed: string[] }> {
  const wanted = await expirySchedules(models);
  for (const s of wanted) {
    await queue.upsertJobScheduler(s.id, { pattern: s.pattern, tz: s.tz }, { name: expiryJobName, data: s.data, opts: expiryJobOptions });
  }
  const keep = new Set(wanted.map((s) => s.id));
  const removed: string[] = [];
  const prefix = expirySchedulerId('');
  for (const existing of await queue.getJobSchedulers(0, -1)) {
    if (existing.key.startsWith(prefix) && !keep.has(existing.key)) {
      await queue.removeJobScheduler(existing.key);
      removed.push(existing.key);
    }
  }
  return { kept: [...keep], removed };
}

/** One look: apply due activations, then re-sync schedulers if anything changed since `last`. Answers the new fingerprint. */
export async function watchOnce(models: Models, queue: Queue, now: Date, last: string, logger: Logger): Promise<string> {
  for (const applied of await applyDueActivations(models, now)) logger.info(applied, 'scheduled rule-set activation applied');
  const current = await activeVersionsFingerprint(models);
  if (current === last) return last;
  const synced = await syncExpirySchedules(models, queue);
  logger.info(synced, 'expiry schedulers synced with the active rule sets');
  return current;
}

export const programPublishSweeper: WorkerModule = {
  name: 'program-publish',
  async start(deps: WorkerDeps): Promise<Stoppable> {
    const connection = workerConnection(deps.config.redisUrl);
    connection.on('error', (err) => deps.logger.warn({ err: err.message }, 'publish watcher redis error'));
    const queue = new Queue(queueNames.expiry, { connection, prefix: deps.config.queuePrefix });
    let last = '';
    const loop = every(publishWatchIntervalMs, async () => {
      last = await watchOnce(deps.models, queue, deps.clock.now(), last, deps.logger);
    }, (err) => deps.logger.warn({ err: err.message }, 'publish watcher run failed'));
    return {
      name: 'program-publish watcher',
      stop: async () => {
        await loop.stop();
        await queue.close();
        connection.disconnect();
      },
    };
  },
};
