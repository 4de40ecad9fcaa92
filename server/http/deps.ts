import type mongoose from 'mongoose';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Config } from '../../config/index.js';
import type { Queues } from '../queues/queues.js';
import type { Clock } from '../clock.js';
import type { Models } from '../store/models/index.js';

/** Everything the HTTP layer needs, built once by `server/main.ts` (or by a test). */
export interface AppDeps {
  config: Config;
  logger: Logger;
  clock: Clock;
  conn: mongoose.Connection;
  models: Models;
  /** Producer connection (fails fast; see server/queues/connections.ts). */
  redis: Redis;
  /** BullMQ producers on `redis`. */
  queues: Queues;
  /** Flipped to false at the start of shutdown so /readyz drains traffic first. */
  readiness: { accepting: boolean };
}
