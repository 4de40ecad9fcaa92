import type mongoose from 'mongoose';
import type { Logger } from 'pino';
import type { Config } from '../config/index.js';
import type { Clock } from '../server/clock.js';
import type { Stoppable } from '../server/shutdown.js';
import type { Models } from '../server/store/models/index.js';

/** What every worker module receives. Workers never import Express. */
export interface WorkerDeps {
  config: Config;
  logger: Logger;
  clock: Clock;
  conn: mongoose.Connection;
  models: Models;
}

export type { Stoppable };

/** One kind of background work: a BullMQ worker, a scheduler or a sweeper. */
export interface WorkerModule {
  name: string;
  start(deps: WorkerDeps): Promise<Stoppable>;
}
