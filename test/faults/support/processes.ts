/**
 * Real processes for fault injection: Perkwire (API and/or workers) as child processes, and a
 * Redis and a MongoDB-compatible server of the test's own that it may stop and start. Everything listens on loopback only and
 * is killed by pid, never by name.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, portOpen, waitFor } from '../../support/net.js';

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', () => r()));
}

/** A redis-server owned by one test, on its own port, without persistence. */
export class OwnRedis {
  private child: ChildProcess | null = null;
  private readonly dir = mkdtempSync(path.join(os.tmpdir(), 'perkwire-redis-'));
  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.child = spawn('redis-server', ['--bind', '127.0.0.1', '--port', String(this.port), '--save', '', '--appendonly', 'no', '--dir', this.dir], { stdio: 'ignore' });
    await waitFor(`redis on ${this.port}`, () => portOpen(this.port));
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child) return;
    child.kill('SIGKILL');
    await exited(child);
    await waitFor(`redis ${this.port} closed`, async () => !(await portOpen(this.port)));
  }
}

/**
 * The restarted server must answer quickly on a busy 2-core machine: the client compiler only and
 * the serial collector keep JIT and GC threads from competing with the requests under test.
 */
const JVM_OPTIONS = ['-Xss1m', '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];

/**
 * The MongoDB-compatible dev server (tools/mongo-dev-server) owned by one test, on its own
 * port, with the H2 file backend so its data survives a stop and start like a real MongoDB's.
 * `stop()` is SIGTERM: the server closes its store cleanly, as `mongod` does on shutdown.
 */
export class OwnMongo {
  private child: ChildProcess | null = null;
  private readonly dir = mkdtempSync(path.join(os.tmpdir(), 'perkwire-mongo-'));
  constructor(readonly port: number) {}

  get url(): string {
    return `mongodb://127.0.0.1:${this.port}`;
  }

  /** The server's own log (stdout and stderr) of every start, for failure messages. */
  get logFile(): string {
    return path.join(this.dir, 'server.log');
  }

  async start(): Promise<void> {
    const mds = path.resolve('tools/mongo-dev-server');
    // Its output goes to a file, never to a pipe this process must drain. The server logs a
    // stack trace for every collection a client creates that exists already — ~64 KB each time
    // a process builds its models (Model.init) — and while the test's event loop was blocked
    // (a synchronous ledger:verify) the full pipe blocked its logger and with it every netty
    // worker thread: the server stopped answering anyone, an outage of the test's own making.
    const log = openSync(this.logFile, 'a');
    const started = statSync(this.logFile).size;
    const child = spawn('java', [...JVM_OPTIONS, '-cp', `${mds}/lib/*`, `${mds}/src/MongoDevServer.java`, '--port', String(this.port), '--data', path.join(this.dir, 'mongo.mv')], { stdio: ['ignore', log, log] });
    closeSync(log);
    this.child = child;
    const output = (): string => readFileSync(this.logFile).subarray(started).toString();
    // Its own READY line, not just an open port: after a restart another process may hold the port.
    await waitFor(`mongo-dev-server on ${this.port}`, async () => {
      if (child.exitCode !== null) throw new Error(`mongo-dev-server exited: ${output().slice(-500)}`);
      return output().includes('READY') && portOpen(this.port);
    }, 120_000);
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child) return;
    child.kill('SIGTERM');
    await Promise.race([exited(child), new Promise((r) => setTimeout(r, 15_000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited(child);
    await waitFor(`mongo ${this.port} closed`, async () => !(await portOpen(this.port)));
  }

  /** Deletes the data directory (after `stop()`). */
  removeData(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * A boot compiles the TypeScript, imports menus and publishes rule files: on the shared 2-core
 * machine, next to other suites, that has taken longer than 30 s.
 */
const BOOT_TIMEOUT_MS = 90_000;

export interface PerkwireOptions {
  role: 'all' | 'api' | 'worker';
  mongodbUri: string;
  redisUrl: string;
  queuePrefix: string;
  port?: number;
  env?: Record<string, string>;
  /** How long a boot may take before start() gives up. @defaultValue BOOT_TIMEOUT_MS (90 s) */
  bootTimeoutMs?: number;
}

/** A Perkwire process (`node --import tsx server/main.ts`). */
export class PerkwireProcess {
  private child: ChildProcess | null = null;
  output = '';
  constructor(readonly options: PerkwireOptions) {}

  get baseUrl(): string {
    return `http://127.0.0.1:${this.options.port}`;
  }

  async start(): Promise<void> {
    const o = this.options;
    this.output = '';
    this.child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: {
        ...process.env, NODE_ENV: 'test', ROLE: o.role, MONGODB_URI: o.mongodbUri, REDIS_URL: o.redisUrl, QUEUE_PREFIX: o.queuePrefix,
        PORT: String(o.port ?? 0), HOST: '127.0.0.1', LOG_LEVEL: 'warn', SEED_DEMO: o.role === 'worker' ? 'false' : 'true',
        ACCRUAL_SWEEP_AFTER_MS: '1000', ACCRUAL_SWEEP_INTERVAL_MS: '300', JOB_LOCK_MS: '3000', ...o.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.on('data', (d: Buffer) => { this.output += d.toString(); });
    this.child.stderr?.on('data', (d: Buffer) => { this.output += d.toString(); });
    if (o.role === 'worker') {
      await waitFor('worker boot', async () => this.output.includes('worker started'), o.bootTimeoutMs ?? BOOT_TIMEOUT_MS);
    } else {
      await waitFor(`perkwire ${o.role} on ${o.port}`, async () => (await fetch(`${this.baseUrl}/healthz`)).ok, o.bootTimeoutMs ?? BOOT_TIMEOUT_MS);
    }
  }

  /** kill -9: no shutdown hooks, in-flight work abandoned. */
  async kill(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child) return;
    child.kill('SIGKILL');
    await exited(child);
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child) return;
    child.kill('SIGTERM');
    await Promise.race([exited(child), new Promise((r) => setTimeout(r, 12_000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

export { freePort, waitFor };
