/**
 * Read-side handles on every BullMQ queue (for /metrics queue depths and the bull-board UI), on
 * the API's fail-fast producer connection: a Redis outage makes them answer errors quickly
 * instead of hanging a scrape. One set per app; they share the connection, so there is nothing
 * of their own to close.
 */
import { Queue } from 'bullmq';
import type { AppDeps } from './deps.js';
import { queueNames } from '../queues/queues.js';

const perDeps = new WeakMap<AppDeps, Queue[]>();

export function observedQueues(deps: AppDeps): Queue[] {
  let queues = perDeps.get(deps);
  if (!queues) {
    queues = Object.values(queueNames).map((name) => new Queue(name, { connection: deps.redis, prefix: deps.config.queuePrefix }));
    perDeps.set(deps, queues);
  }
  return queues;
}
