/**
 * Issue 9 item 9: no key is ever printed — not in the start banner when a real key is
 * configured, not when production refuses a key.
 */
import { expect } from 'chai';
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { serviceUrls, uniqueDbName } from '../../support/services.js';
import { waitFor } from '../../support/net.js';

describe('keys are never printed', function () {
  this.timeout(90_000);

  it('the start banner shows no configured key', async () => {
    const key = `configured-${randomBytes(16).toString('hex')}`;
    const { mongodbUri, redisUrl } = serviceUrls();
    const uri = new URL(mongodbUri);
    uri.pathname = `/${uniqueDbName('banner')}`;
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, NODE_ENV: 'development', PORT: '0', HOST: '127.0.0.1', MONGODB_URI: uri.toString(), REDIS_URL: redisUrl,
        QUEUE_PREFIX: `b${randomBytes(4).toString('hex')}`, TOAST_API_KEYS: key, ROLE: 'api', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => { output += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { output += d.toString(); });
    try {
      await waitFor('the banner', async () => output.includes('Perkwire is running.'), 60_000);
      expect(output).to.not.include(key);
      expect(output).to.not.include('Dev Toast API key');
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      const conn = await mongoose.createConnection(uri.toString(), { bufferCommands: false }).asPromise();
      await conn.dropDatabase().catch(() => undefined);
      await conn.close();
    }
  });

  it('a refused production key is named, not printed', () => {
    const weak = 'weak-but-secret-key';
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, NODE_ENV: 'production', TOAST_API_KEYS: weak, ADMIN_API_KEYS: `${weak}:*`, MEMBER_KEY_SECRET: weak },
      encoding: 'utf8', timeout: 60_000,
    });
    expect(run.status).to.equal(1);
    expect(run.stderr).to.include('TOAST_API_KEYS: every key must be at least 32 characters');
    expect(run.stdout + run.stderr).to.not.include(weak);
  });
});
