/**
 * API_PROCESSES > 1 (issue 11: the API on every core): the real server/main.ts supervises two
 * API processes on one port, metrics count every process's requests, a dead API process is
 * replaced, SIGTERM stops them all, and a SIGKILLed supervisor leaves nothing listening.
 */
import { expect } from 'chai';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import mongoose from 'mongoose';
import { serviceUrls, uniqueDbName } from '../../support/services.js';
import { waitFor } from '../../support/net.js';
import { childrenOf, isAlive } from '../../../bench/toast/cpu.js';

/** The supervisor's API processes: its children running server/main.ts (not tsx's esbuild helper). */
function apiProcessesOf(pid: number): number[] {
  return childrenOf(pid).filter((child) => {
    try {
      return readFileSync(`/proc/${child}/cmdline`, 'utf8').includes('server/main.ts');
    } catch {
      return false; // gone meanwhile
    }
  });
}

/** One HTTP request on a connection of its own (so the supervisor hands it to either process), bounded. */
function once(base: string, path: string, opts: { method?: string; body?: string; headers?: Record<string, string> } = {}): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method: opts.method ?? 'GET', headers: opts.headers, agent: false, timeout: 5000 }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => { text += d; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`${path}: no answer within 5 s`)));
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** A Toast request for a restaurant of no program: 400 ERROR_INVALID_RESTAURANT, counted in the metrics. */
async function toastOnce(base: string): Promise<number> {
  const res = await once(base, '/toast/loyalty', {
    method: 'POST', body: '{}',
    headers: { Authorization: 'dev-toast-key', 'Content-Type': 'application/json', 'Toast-Restaurant-External-ID': 'nowhere' },
  });
  return res.status;
}

async function counted(base: string): Promise<number> {
  const { text } = await once(base, '/metrics');
  return [...text.matchAll(/^perkwire_toast_requests_total\{[^}]*\} (\d+)$/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
}

/** server/main.ts with API_PROCESSES=2 on a database of its own; `output` gathers stdout and stderr. */
interface Supervisor { child: ChildProcess; output: () => string; stop: () => Promise<void> }

function startSupervisor(name: string, env: Record<string, string>): Supervisor {
  const { mongodbUri, redisUrl } = serviceUrls();
  const uri = new URL(mongodbUri);
  uri.pathname = `/${uniqueDbName(name)}`;
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, NODE_ENV: 'development', PORT: '0', HOST: '127.0.0.1', MONGODB_URI: uri.toString(), REDIS_URL: redisUrl,
      QUEUE_PREFIX: `p${randomBytes(4).toString('hex')}`, API_PROCESSES: '2', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => { output += d.toString(); });
  child.stderr?.on('data', (d: Buffer) => { output += d.toString(); });
  return {
    child,
    output: () => output,
    /** SIGKILL if still running, then drop its database. */
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      const conn = await mongoose.createConnection(uri.toString(), { bufferCommands: false }).asPromise();
      await conn.dropDatabase().catch(() => undefined);
      await conn.close();
    },
  };
}

/** The base URL from the start banner, once it is printed. */
async function bannerBase(server: Supervisor): Promise<string> {
  await waitFor('the banner', async () => server.output().includes('Perkwire is running.'), 120_000);
  const port = /POST http:\/\/localhost:(\d+)\/toast\/loyalty/.exec(server.output())?.[1];
  expect(port, server.output()).to.be.a('string');
  return `http://127.0.0.1:${port}`;
}

describe('API_PROCESSES=2: one supervisor, two API processes on one port', function () {
  this.timeout(180_000);
  let server: Supervisor;
  let child: ChildProcess;
  let base = '';
  const output = (): string => server.output();

  before(async () => {
    server = startSupervisor('api-processes', { ROLE: 'all', LOG_LEVEL: 'info', SHUTDOWN_TIMEOUT_MS: '10000' });
    child = server.child;
    base = await bannerBase(server);
  });

  after(async () => { await server.stop(); });

  it('serves from two API processes under the supervisor, which listens on nothing itself', () => {
    const children = apiProcessesOf(child.pid!);
    expect(children, output()).to.have.length(2);
    expect(output()).to.include('"processes":2');
    // With a young generation larger than V8's default (less frequent scavenges per request).
    for (const pid of children) expect(readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')).to.include('--max-semi-space-size=32');
  });

  it('answers Toast from either process and /metrics counts the requests of both', async () => {
    const before = await counted(base);
    const statuses = await Promise.all(Array.from({ length: 24 }, () => toastOnce(base)));
    expect(statuses.every((s) => s === 400), statuses.join(',')).to.equal(true);
    // Each process counts its own; a /metrics answered by one process alone would show ~half.
    expect(await counted(base)).to.equal(before + 24);
  });

  it('replaces an API process that dies, and keeps answering meanwhile', async () => {
    const [victim, other] = apiProcessesOf(child.pid!);
    process.kill(victim!, 'SIGKILL');
    await waitFor('the victim gone', async () => !isAlive(victim!), 10_000);
    // Once the supervisor has seen the death (connections handed over in the instant before are
    // lost, as with any crash; Toast retries them), nothing goes to the dead process: every
    // request is answered while it is replaced.
    await waitFor('the supervisor to see it', async () => output().includes('API process exited; starting another'), 10_000);
    expect(await Promise.all([1, 2, 3, 4].map(() => toastOnce(base)))).to.deep.equal([400, 400, 400, 400]);
    await waitFor('a replacement', async () => apiProcessesOf(child.pid!).length === 2, 60_000);
    expect(apiProcessesOf(child.pid!)).to.include(other);
    await waitFor('the replacement answering', async () => (await Promise.all([1, 2, 3, 4].map(() => toastOnce(base)))).every((s) => s === 400), 60_000);
  });

  it('SIGTERM stops the API processes and then the supervisor, exit code 0', async () => {
    const children = apiProcessesOf(child.pid!);
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    expect(code, output().slice(-2000)).to.equal(0);
    for (const pid of children) expect(isAlive(pid), `API process ${pid}`).to.equal(false);
    await once(base, '/healthz').then(() => expect.fail('still answering'), () => undefined);
  });
});

describe('API_PROCESSES=2: a SIGTERM while the API processes boot', function () {
  this.timeout(180_000);

  it('stops them and exits 0 instead of dying on the signal', async () => {
    const server = startSupervisor('api-processes-boot', { ROLE: 'api', SEED_DEMO: 'false', LOG_LEVEL: 'info' });
    const { child, output } = server;
    try {
      // Forked, not yet listening: the supervisor is still waiting for them.
      await waitFor('the API processes forked', async () => apiProcessesOf(child.pid!).length === 2, 60_000);
      const children = apiProcessesOf(child.pid!);
      expect(output()).to.not.include('API processes listening');
      const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
      child.kill('SIGTERM');
      expect(await exited, output().slice(-2000)).to.deep.equal({ code: 0, signal: null });
      await waitFor('the API processes gone', async () => children.every((pid) => !isAlive(pid)), 15_000);
      expect(output()).to.not.include('Perkwire is running.');
    } finally {
      await server.stop();
    }
  });
});

describe('API_PROCESSES=2: a SIGKILLed supervisor takes its API processes with it', function () {
  this.timeout(180_000);

  it('leaves no process and no open port behind', async () => {
    const server = startSupervisor('api-processes-kill', { ROLE: 'api', SEED_DEMO: 'false', LOG_LEVEL: 'warn' });
    const { child } = server;
    try {
      const base = await bannerBase(server);
      expect((await once(base, '/healthz')).status).to.equal(200);
      const children = apiProcessesOf(child.pid!);
      expect(children).to.have.length(2);
      child.kill('SIGKILL');
      await waitFor('the API processes gone', async () => children.every((pid) => !isAlive(pid)), 15_000);
      await once(base, '/healthz').then(() => expect.fail('still answering'), () => undefined);
    } finally {
      await server.stop();
    }
  });
});
