import type mongoose from 'mongoose';
import type { Logger } from 'pino';
import type { Config } from '../config/index.js';
import type { Clock } from '../server/clock.js';
import type { Models } from '../server/store/models/index.js';

/** What every worker module receives. Workers never import Express. */
export interface WorkerDeps {
  config: Config;
  logger: Logger;
  clock: Clock;
  conn: mongoose.Connection;
  models: Models;
}

/** Something started at boot that must be stopped, within a deadline, at shutdown. */
export interface Stoppable {
  name: string;
  stop(): Promise<void>;
}

/** One kind of background work: a BullMQ worker, a scheduler or a sweeper. */
export interface WorkerModule {
  name: string;
  start(deps: WorkerDeps): Promise<Stoppable>;
}
