/**
 * Real processes for fault injection: Perkwire (API and/or workers) as child processes, and a
 * Redis and a MongoDB-compatible server of the test's own that it may stop and start. Everything listens on loopback only and
 * is killed by pid, never by name.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
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

  async start(): Promise<void> {
    const mds = path.resolve('tools/mongo-dev-server');
    const child = spawn('java', ['-Xss1m', '-cp', `${mds}/lib/*`, `${mds}/src/MongoDevServer.java`, '--port', String(this.port), '--data', path.join(this.dir, 'mongo.mv')], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    let output = '';
    child.stdout?.on('data', (d: Buffer) => { output += d.toString(); });
    child.stderr?.on('data', (d: Buffer) => { output += d.toString(); });
    // Its own READY line, not just an open port: after a restart another process may hold the port.
    await waitFor(`mongo-dev-server on ${this.port}`, async () => {
      if (child.exitCode !== null) throw new Error(`mongo-dev-server exited: ${output.slice(-500)}`);
      return output.includes('READY') && portOpen(this.port);
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

export interface PerkwireOptions {
  role: 'all' | 'api' | 'worker';
  mongodbUri: string;
  redisUrl: string;
  queuePrefix: string;
  port?: number;
  env?: Record<string, string>;
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
      await waitFor('worker boot', async () => this.output.includes('worker started'), 30_000);
    } else {
      await waitFor(`perkwire ${o.role} on ${o.port}`, async () => (await fetch(`${this.baseUrl}/healthz`)).ok);
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
