/**
 * The stack the webhook benchmark runs against, brought up and torn down by the benchmark
 * itself: the test-profile services (in-memory MongoDB-compatible server, throwaway Redis)
 * unless MONGODB_URI / REDIS_URL are set, and the real server (`server/main.ts`) as a child
 * process on a free loopback port with its own database and queue prefix, so a run never
 * touches dev or test data and can run beside `npm test`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import path from 'node:path';
import mongoose from 'mongoose';
import { Redis } from 'ioredis';

/**
 * A server setting the bench passes to the server it starts: its flag, else `BENCH_<NAME>`, else
 * the server's own variable (`API_PROCESSES=1 npm run bench:toast` measures what
 * `API_PROCESSES=1 npm start` serves), else undefined for the bench's default.
 */
export function serverSetting(flag: string | undefined, env: NodeJS.ProcessEnv, name: 'API_PROCESSES' | 'LOG_LEVEL'): string | undefined {
  return flag ?? env[`BENCH_${name}`] ?? env[name];
}

export interface StackOptions {
  /** Write a V8 CPU profile of the server into this folder (node --cpu-prof). */
  cpuProfDir?: string;
  /** The server's LOG_LEVEL; default info, as `npm start`. */
  logLevel?: string;
  /** Run the workers in a process of their own (ROLE=api + ROLE=worker) instead of ROLE=all. */
  splitWorker?: boolean;
  /** The server's API_PROCESSES ('auto' or a count). */
  apiProcesses?: string;
  log: (line: string) => void;
}

export interface Stack {
  baseUrl: string;
  /** The server process (ROLE=all, or ROLE=api with --split-worker): its CPU time and its API processes' are measured. */
  serverPid: number;
  /** The services' processes when scripts/services.sh runs them here (their CPU is reported too). */
  databasePid?: number | undefined;
  redisPid?: number | undefined;
  mongodbUri: string;
  redisUrl: string;
  queuePrefix: string;
  /** Stops the server, drops the bench database and queues, stops services started here. */
  stop(): Promise<void>;
}

/**
 * Where the bench server's log lines are written. The server logs at `npm start`'s level (info:
 * one line per request), so the cost of request logging is part of what is measured.
 */
export const SERVER_LOG = '.run/bench-server.log';

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.setTimeout(500);
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => { socket.destroy(); resolve(false); });
    socket.connect(port, '127.0.0.1');
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Same server and options as `uri`, another database name. */
export function withDatabase(uri: string, db: string): string {
  const m = /^(mongodb(?:\+srv)?:\/\/[^/?]+)(\/[^?]*)?(\?.*)?$/.exec(uri);
  if (!m) throw new Error(`cannot read MONGODB_URI ${uri}`);
  return `${m[1]}/${db}${m[3] ?? ''}`;
}

export interface Services { mongodbUri: string; redisUrl: string; startedHere: boolean; databasePid?: number | undefined; redisPid?: number | undefined }

/** The pid scripts/services.sh recorded for a test-profile service (undefined when it is not running). */
function servicePid(name: 'mongo-test' | 'redis-test'): number | undefined {
  try {
    const pid = Number(readFileSync(path.join(process.env.PERKWIRE_RUN_DIR ?? '.run', `${name}.pid`), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 && existsSync(`/proc/${pid}`) ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Test-profile services via scripts/services.sh (which reuses ones already running). */
export async function startServices(log: (line: string) => void): Promise<Services> {
  const env = process.env;
  if (env.MONGODB_URI && env.REDIS_URL) return { mongodbUri: env.MONGODB_URI, redisUrl: env.REDIS_URL, startedHere: false };
  const mongoPort = Number(env.PERKWIRE_TEST_MONGO_PORT ?? 27019);
  const redisPort = Number(env.PERKWIRE_TEST_REDIS_PORT ?? 6390);
  // services.sh has no per-service stop: only stop the profile later if it was wholly down.
  const wasDown = !(await portOpen(mongoPort)) && !(await portOpen(redisPort));
  log('starting test-profile services (scripts/services.sh start --profile test)…');
  const r = spawnSync('bash', ['scripts/services.sh', 'start', '--profile', 'test'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) throw new Error('scripts/services.sh could not start the test services');
  const exported = Object.fromEntries([...r.stdout.matchAll(/^export (\w+)='([^']*)'$/gm)].map((m) => [m[1], m[2]]));
  const mongodbUri = env.MONGODB_URI ?? exported.MONGODB_URI;
  const redisUrl = env.REDIS_URL ?? exported.REDIS_URL;
  if (!mongodbUri || !redisUrl) throw new Error('scripts/services.sh printed no MONGODB_URI / REDIS_URL');
  return {
    mongodbUri, redisUrl, startedHere: wasDown,
    databasePid: env.MONGODB_URI ? undefined : servicePid('mongo-test'), redisPid: env.REDIS_URL ? undefined : servicePid('redis-test'),
  };
}

/** Resolves once `probe` answers true; fails when the child exits or the time is up. */
export async function waitAnswering(child: ChildProcess, timeoutMs: number, probe: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`process exited with code ${child.exitCode} before it was ready`);
    try {
      if (await probe()) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`not ready within ${timeoutMs} ms`);
}

function waitReady(baseUrl: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  return waitAnswering(child, timeoutMs, async () => (await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(1000) })).ok);
}

export function stopChild(child: ChildProcess, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', () => { clearTimeout(kill); resolve(); });
    child.kill('SIGTERM');
  });
}

async function dropBenchData(mongodbUri: string, redisUrl: string, queuePrefix: string): Promise<void> {
  const conn = await mongoose.createConnection(mongodbUri, { serverSelectionTimeoutMS: 5000 }).asPromise();
  try { await conn.dropDatabase(); } finally { await conn.close(); }
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${queuePrefix}*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** Starts services (if needed) and the server; resolves once /readyz answers 200. */
export async function startStack(opts: StackOptions): Promise<Stack> {
  const services = await startServices(opts.log);
  const suffix = randomBytes(4).toString('hex');
  const mongodbUri = withDatabase(services.mongodbUri, `perkwire-bench-${suffix}`);
  const queuePrefix = `bench-${suffix}`;
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const profiled = (dir: string | undefined): string[] => (dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : []);
  const nodeArgs = ['--import', 'tsx', ...profiled(opts.cpuProfDir), 'server/main.ts'];
  const env = {
    ...process.env, MONGODB_URI: mongodbUri, REDIS_URL: services.redisUrl, PORT: String(port), HOST: '127.0.0.1',
    QUEUE_PREFIX: queuePrefix, ROLE: opts.splitWorker ? 'api' : 'all', LOG_LEVEL: opts.logLevel ?? 'info',
    API_PROCESSES: opts.apiProcesses ?? 'auto',
  };
  // The server's own log goes to a file (as a log collector would take it), where a bad run can be read.
  mkdirSync('.run', { recursive: true });
  const serverLog = openSync(SERVER_LOG, 'w');
  const child = spawn(process.execPath, nodeArgs, { env, stdio: ['ignore', serverLog, 'pipe'] });
  // Warnings and errors of the server: shown as they come, they explain a bad run.
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[server] ${chunk.toString()}`));
  const worker = opts.splitWorker
    ? spawn(process.execPath, ['--import', 'tsx', ...profiled(opts.cpuProfDir && `${opts.cpuProfDir}/worker`), 'server/main.ts'], { env: { ...env, ROLE: 'worker', PORT: '0' }, stdio: ['ignore', serverLog, 'pipe'] })
    : null;
  worker?.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[worker] ${chunk.toString()}`));
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await Promise.all([stopChild(child, 15_000), worker ? stopChild(worker, 15_000) : Promise.resolve()]);
    await dropBenchData(mongodbUri, services.redisUrl, queuePrefix).catch((err: unknown) => opts.log(`could not drop bench data: ${String(err)}`));
    if (services.startedHere) spawnSync('bash', ['scripts/services.sh', 'stop', '--profile', 'test'], { stdio: ['ignore', 'ignore', 'inherit'] });
  };
  opts.log(`server: pid ${child.pid}${worker ? ` (ROLE=api; workers: pid ${worker.pid}, ROLE=worker)` : ' (ROLE=all)'}, API_PROCESSES=${env.API_PROCESSES}, ${baseUrl}, database perkwire-bench-${suffix}, queue prefix ${queuePrefix}`);
  try {
    await waitReady(baseUrl, child, 60_000);
  } catch (err) {
    await stop();
    throw err;
  }
  return { baseUrl, serverPid: child.pid ?? 0, databasePid: services.databasePid, redisPid: services.redisPid, mongodbUri, redisUrl: services.redisUrl, queuePrefix, stop };
}
