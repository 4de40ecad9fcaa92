/**
 * A Perkwire app for HTTP tests: real MongoDB-compatible server (a database of its own), real
 * Redis (a BullMQ prefix of its own), the sample rule files published, a ManualClock. Drive it
 * with supertest; `close()` drops the database and closes connections.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Express } from 'express';
import type mongoose from 'mongoose';
import pino from 'pino';
import { loadConfig } from '../../config/index.js';
import { ManualClock } from '../../server/clock.js';
import { buildApp } from '../../server/http/app.js';
import type { AppDeps } from '../../server/http/deps.js';
import { publishProgramsFromDir } from '../../server/loyalty/programs/programs.js';
import { registerModels } from '../../server/store/models/index.js';
import { closeRedis, producerConnection } from '../../server/queues/connections.js';
import { createQueues } from '../../server/queues/queues.js';
import { connectTestDb, dropTestDb, serviceUrls } from './services.js';

export interface TestApp {
  app: Express;
  deps: AppDeps;
  clock: ManualClock;
  close(): Promise<void>;
}

/** Rule files the tests publish (the shipped samples). */
export const RULES_DIR = path.resolve('rules/programs');

/** A Tuesday afternoon in New York (the demo's BOGO day), in winter time. */
export const DEFAULT_NOW = '2026-12-01T15:00:00Z';

export interface TestAppOptions {
  env?: Record<string, string>;
  now?: string;
  dbPrefix?: string;
  /** Driver command monitoring on the app's connection (round-trip counting, command-counter.ts). */
  monitorCommands?: boolean;
}

export async function startTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const { mongodbUri, redisUrl } = serviceUrls();
  const config = loadConfig({
    NODE_ENV: 'test', MONGODB_URI: mongodbUri, REDIS_URL: redisUrl, LOG_LEVEL: 'silent',
    QUEUE_PREFIX: `t${randomBytes(5).toString('hex')}`, IDEMPOTENCY_WAIT_MS: '4500', ...opts.env,
  });
  const clock = new ManualClock(opts.now ?? DEFAULT_NOW);
  const conn: mongoose.Connection = await connectTestDb(opts.dbPrefix ?? 'toast', { monitorCommands: opts.monitorCommands === true });
  const models = await registerModels(conn, { memberKeySecret: config.memberKeySecret });
  await publishProgramsFromDir(models, RULES_DIR, clock.now());
  const redis = producerConnection(redisUrl);
  redis.on('error', () => undefined);
  const queues = createQueues(redis, config.queuePrefix);
  const deps: AppDeps = {
    config, logger: pino({ level: 'silent' }), clock, conn, models, redis, queues, readiness: { accepting: true },
  };
  return {
    app: buildApp(deps),
    deps,
    clock,
    close: async () => {
      await queues.close().catch(() => undefined);
      await closeRedis(redis);
      await dropTestDb(conn);
    },
  };
}
