/**
 * Process entry point: wires configuration, MongoDB, Redis, the HTTP API and the workers per
 * ROLE, and stops them in order on SIGINT/SIGTERM within SHUTDOWN_TIMEOUT_MS. With
 * API_PROCESSES > 1 this process supervises that many API processes (this same file, forked:
 * they serve HTTP only) instead of listening itself (server/http/api-processes.ts).
 */
import type { Server } from 'node:http';
import path from 'node:path';
import { ConfigError, loadConfig, type Config } from '../config/index.js';
import { buildInfo } from './build-info.js';
import { systemClock } from './clock.js';
import { buildApp } from './http/app.js';
import { isApiProcess, startApiProcesses } from './http/api-processes.js';
import type { AppDeps } from './http/deps.js';
import { createLogger, logDestination, safeUrl } from './logger.js';
import { publishProgramsFromDir } from './loyalty/programs/programs.js';
import { importSampleMenus } from './menus/sample-menus.js';
import { connectStore } from './store/connection.js';
import { registerModels } from './store/models/index.js';
import { orderedShutdown, type Stoppable } from './shutdown.js';
import { closeRedis, producerConnection } from './queues/connections.js';
import { createQueues } from './queues/queues.js';
import { startWorkers } from '../workers/index.js';
import { configSchema } from '../config/schema.js';

function readConfig(): Config {
  try {
    const config = loadConfig();
    // A supervisor's API process serves HTTP only: the supervisor seeds and runs the workers.
    return isApiProcess() ? Object.freeze({ ...config, role: 'api', seedDemo: false, apiProcesses: 1 }) : config;
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
}

async function listen(app: ReturnType<typeof buildApp>, config: Config): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(config.port, config.host, () => resolve(server));
    server.once('error', reject);
  });
}

function printBanner(config: Config, port: number | null, restaurants: string[]): void {
  if (port === null || isApiProcess()) return;
  const base = `http://localhost:${port}`;
  const lines = [
    '',
    'Perkwire is running.',
    `  Toast webhook:     POST ${base}/toast/loyalty`,
    `  Health:            GET  ${base}/healthz   ${base}/readyz   ${base}/metrics`,
    `  Dashboard:         ${base}/dashboard   (sign in with an admin key)`,
    `  Admin API:         ${base}/admin/v1   reference: ${base}/admin/docs   queues: ${base}/admin/queues`,
    `  Restaurant GUIDs:  ${restaurants.join(', ') || '(none published)'}`,
  ];
  // Only the public development default is ever shown; a configured key is never printed.
  const devKey = configSchema.properties.TOAST_API_KEYS.default;
  if (config.nodeEnv !== 'production' && config.toastApiKeys.includes(devKey)) lines.push(`  Dev Toast API key: ${devKey}  (Authorization header)`);
  const devAdminKey = configSchema.properties.ADMIN_API_KEYS.default.split(':')[0];
  if (config.nodeEnv !== 'production' && config.adminApiKeys.some((k) => k.key === devAdminKey)) lines.push(`  Dev admin key:     ${devAdminKey}  (dashboard sign-in, Authorization: Bearer)`);
  lines.push('  Stop with Ctrl-C.', '');
  console.log(lines.join('\n'));
}

/** Set by the first SIGINT/SIGTERM: the ordered shutdown has begun. */
let stopping = false;

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config.logLevel, logDestination());
  const clock = systemClock;
  logger.info({ ...buildInfo(), role: config.role, mongodb: safeUrl(config.mongodbUri), redis: safeUrl(config.redisUrl) }, 'starting');

  // Signals are handled from the start: a stop asked for while booting (the supervisor still
  // waiting for its API processes) stops what has started instead of killing the process outright.
  const steps: Stoppable[] = [];
  const readiness = { accepting: true };
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    readiness.accepting = false;
    logger.info({ signal }, 'shutting down');
    await orderedShutdown(steps, config.shutdownTimeoutMs, logger);
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const conn = await connectStore(config.mongodbUri, { timeouts: config.mongo });
  const models = await registerModels(conn, { memberKeySecret: config.memberKeySecret });
  let restaurants: string[] = [];
  if (config.seedDemo && config.role !== 'worker') {
    const menus = await importSampleMenus(models, path.resolve(config.rulesDir, 'menus'), clock.now());
    if (menus.length > 0) logger.info({ menus: menus.map((m) => ({ restaurant: m.restaurantGuid, lastUpdated: m.lastUpdated, status: m.status })) }, 'sample menus imported');
    const published = await publishProgramsFromDir(models, path.resolve(config.rulesDir), clock.now());
    logger.info({ programs: published.map((p) => ({ id: p.programId, version: p.version, changed: p.changed })) }, 'rule files published');
    for (const p of published) for (const w of p.warnings ?? []) logger.warn({ program: p.programId, path: w.path }, w.message);
    restaurants = (await models.Location.find({}, { _id: 1 }).lean()).map((l) => String(l._id));
  }

  const redis = producerConnection(config.redisUrl);
  redis.on('error', (err) => logger.warn({ err: err.message }, 'redis producer connection error'));
  const queues = createQueues(redis, config.queuePrefix);
  const deps: AppDeps = { config, logger, clock, conn, models, redis, queues, readiness };

  let port: number | null = null;
  if (config.role !== 'worker' && config.apiProcesses > 1) {
    const api = startApiProcesses(config.apiProcesses, { logger, bootTimeoutMs: 120_000, stopTimeoutMs: config.shutdownTimeoutMs });
    steps.push({ name: 'http', stop: () => api.stop() });
    port = await api.listening;
  } else if (config.role !== 'worker') {
    const httpServer = await listen(buildApp(deps), config);
    const address = httpServer.address();
    port = typeof address === 'object' && address ? address.port : config.port;
    steps.push({
      name: 'http',
      stop: () => new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeIdleConnections();
      }),
    });
  }
  if (config.role !== 'api') steps.push(...await startWorkers({ config, logger, clock, conn, models }));
  steps.push({ name: 'queues', stop: () => queues.close() });
  steps.push({ name: 'redis', stop: () => closeRedis(redis) });
  steps.push({ name: 'mongodb', stop: () => conn.close() });
  if (stopping) return;
  printBanner(config, port, restaurants);
}

main().catch((err) => {
  // A boot cut short by a stop signal ends through the ordered shutdown (exit 0), not here.
  if (stopping) return;
  console.error('perkwire failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
