/**
 * API_PROCESSES > 1 (issue 11: the API on every core): the real server/main.ts supervises two
 * API processes on one port, metrics count every process's requests, a dead API process is
 * replaced, SIGTERM stops them all, and a SIGKILLed supervisor leaves nothing listening.
 */
import { expect } from 'chai';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import mongoose from 'mongoose';
import { serviceUrls, uniqueDbName } from '../../support/services.js';
import { waitFor } from '../../support/net.js';

/** Live children of `pid` running server/main.ts (from /proc): the supervisor's API processes (not tsx's esbuild helper). */
function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) === pid && fields[0] !== 'Z' && readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('server/main.ts')) out.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

const alive = (pid: number): boolean => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
};

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

describe('API_PROCESSES=2: one supervisor, two API processes on one port', function () {
  this.timeout(180_000);
  let child: ChildProcess;
  let output = '';
  let base = '';
  let uri: URL;

  before(async () => {
    const { mongodbUri, redisUrl } = serviceUrls();
    uri = new URL(mongodbUri);
    uri.pathname = `/${uniqueDbName('api-processes')}`;
    child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, NODE_ENV: 'development', PORT: '0', HOST: '127.0.0.1', MONGODB_URI: uri.toString(), REDIS_URL: redisUrl,
        QUEUE_PREFIX: `p${randomBytes(4).toString('hex')}`, ROLE: 'all', API_PROCESSES: '2', LOG_LEVEL: 'info', SHUTDOWN_TIMEOUT_MS: '10000' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d: Buffer) => { output += d.toString(); });
    child.stderr?.on('data', (d: Buffer) => { output += d.toString(); });
    await waitFor('the banner', async () => output.includes('Perkwire is running.'), 120_000);
    const port = /POST http:\/\/localhost:(\d+)\/toast\/loyalty/.exec(output)?.[1];
    expect(port, output).to.be.a('string');
    base = `http://127.0.0.1:${port}`;
  });

  after(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    const conn = await mongoose.createConnection(uri.toString(), { bufferCommands: false }).asPromise();
    await conn.dropDatabase().catch(() => undefined);
    await conn.close();
  });

  it('serves from two API processes under the supervisor, which listens on nothing itself', () => {
    const children = childrenOf(child.pid!);
    expect(children, output).to.have.length(2);
    expect(output).to.include('"processes":2');
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
    const [victim, other] = childrenOf(child.pid!);
    process.kill(victim!, 'SIGKILL');
    await waitFor('the victim gone', async () => !alive(victim!), 10_000);
    // Once the supervisor has seen the death (connections handed over in the instant before are
    // lost, as with any crash; Toast retries them), nothing goes to the dead process: every
    // request is answered while it is replaced.
    await waitFor('the supervisor to see it', async () => output.includes('API process exited; starting another'), 10_000);
    expect(await Promise.all([1, 2, 3, 4].map(() => toastOnce(base)))).to.deep.equal([400, 400, 400, 400]);
    await waitFor('a replacement', async () => childrenOf(child.pid!).length === 2, 60_000);
    expect(childrenOf(child.pid!)).to.include(other);
    await waitFor('the replacement answering', async () => (await Promise.all([1, 2, 3, 4].map(() => toastOnce(base)))).every((s) => s === 400), 60_000);
  });

  it('SIGTERM stops the API processes and then the supervisor, exit code 0', async () => {
    const children = childrenOf(child.pid!);
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    expect(code, output.slice(-2000)).to.equal(0);
    for (const pid of children) expect(alive(pid), `API process ${pid}`).to.equal(false);
    await once(base, '/healthz').then(() => expect.fail('still answering'), () => undefined);
  });
});

describe('API_PROCESSES=2: a SIGTERM while the API processes boot', function () {
  this.timeout(180_000);

  it('stops them and exits 0 instead of dying on the signal', async () => {
    const { mongodbUri, redisUrl } = serviceUrls();
    const uri = new URL(mongodbUri);
    uri.pathname = `/${uniqueDbName('api-processes-boot')}`;
    let output = '';
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, NODE_ENV: 'development', PORT: '0', HOST: '127.0.0.1', MONGODB_URI: uri.toString(), REDIS_URL: redisUrl,
        QUEUE_PREFIX: `t${randomBytes(4).toString('hex')}`, ROLE: 'api', API_PROCESSES: '2', SEED_DEMO: 'false', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d: Buffer) => { output += d.toString(); });
    child.stderr?.on('data', (d: Buffer) => { output += d.toString(); });
    try {
      // Forked, not yet listening: the supervisor is still waiting for them.
      await waitFor('the API processes forked', async () => childrenOf(child.pid!).length === 2, 60_000);
      const children = childrenOf(child.pid!);
      expect(output).to.not.include('API processes listening');
      const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
      child.kill('SIGTERM');
      expect(await exited, output.slice(-2000)).to.deep.equal({ code: 0, signal: null });
      await waitFor('the API processes gone', async () => children.every((pid) => !alive(pid)), 15_000);
      expect(output).to.not.include('Perkwire is running.');
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      const conn = await mongoose.createConnection(uri.toString(), { bufferCommands: false }).asPromise();
      await conn.dropDatabase().catch(() => undefined);
      await conn.close();
    }
  });
});

describe('API_PROCESSES=2: a SIGKILLed supervisor takes its API processes with it', function () {
  this.timeout(180_000);

  it('leaves no process and no open port behind', async () => {
    const { mongodbUri, redisUrl } = serviceUrls();
    const uri = new URL(mongodbUri);
    uri.pathname = `/${uniqueDbName('api-processes-kill')}`;
    let output = '';
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, NODE_ENV: 'development', PORT: '0', HOST: '127.0.0.1', MONGODB_URI: uri.toString(), REDIS_URL: redisUrl,
        QUEUE_PREFIX: `k${randomBytes(4).toString('hex')}`, ROLE: 'api', API_PROCESSES: '2', SEED_DEMO: 'false', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d: Buffer) => { output += d.toString(); });
    child.stderr?.on('data', (d: Buffer) => { output += d.toString(); });
    try {
      await waitFor('the banner', async () => output.includes('Perkwire is running.'), 120_000);
      const base = `http://127.0.0.1:${/POST http:\/\/localhost:(\d+)\//.exec(output)?.[1]}`;
      expect((await once(base, '/healthz')).status).to.equal(200);
      const children = childrenOf(child.pid!);
      expect(children).to.have.length(2);
      child.kill('SIGKILL');
      await waitFor('the API processes gone', async () => children.every((pid) => !alive(pid)), 15_000);
      await once(base, '/healthz').then(() => expect.fail('still answering'), () => undefined);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      const conn = await mongoose.createConnection(uri.toString(), { bufferCommands: false }).asPromise();
      await conn.dropDatabase().catch(() => undefined);
      await conn.close();
    }
  });
});
