/**
 * `scripts/services.sh stop` stops the services its profile recorded, whatever ports the
 * environment names when it runs. Before, the pid check included the current port: a stop run
 * without the port variables the start had (or with others) dropped the pid file and left the
 * server running, untracked, on its port, with `status` saying "stopped".
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, portOpen, waitFor } from '../../support/net.js';

describe('scripts/services.sh stop', function () {
  this.timeout(120_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'perkwire-services-'));
  const base: NodeJS.ProcessEnv = { ...process.env, PERKWIRE_RUN_DIR: path.join(dir, 'run') };
  delete base.MONGODB_URI;
  delete base.REDIS_URL;
  const services = (env: NodeJS.ProcessEnv, ...args: string[]) => spawnSync('bash', ['scripts/services.sh', ...args], { env, encoding: 'utf8', timeout: 90_000 });
  let startEnv: NodeJS.ProcessEnv | undefined;
  after(() => {
    // Should the test fail, stop what it started, as started.
    if (startEnv) services(startEnv, 'stop', '--profile', 'test');
    rmSync(dir, { recursive: true, force: true });
  });

  it('stops the recorded services even when run with other port settings than the start', async () => {
    const [mongoPort, redisPort] = [await freePort(), await freePort()];
    startEnv = { ...base, PERKWIRE_TEST_MONGO_PORT: String(mongoPort), PERKWIRE_TEST_REDIS_PORT: String(redisPort) };
    const started = services(startEnv, 'start', '--profile', 'test');
    expect(started.status, started.stderr).to.equal(0);
    expect(await portOpen(mongoPort)).to.equal(true);
    expect(await portOpen(redisPort)).to.equal(true);

    // Other ports in the environment (here two free ones nothing listens on).
    const [otherMongo, otherRedis] = [await freePort(), await freePort()];
    const stopped = services({ ...base, PERKWIRE_TEST_MONGO_PORT: String(otherMongo), PERKWIRE_TEST_REDIS_PORT: String(otherRedis) }, 'stop', '--profile', 'test');
    expect(stopped.status, stopped.stderr).to.equal(0);
    expect(stopped.stderr).to.include('stopped mongo-test').and.to.include('stopped redis-test');
    await waitFor('both ports closed', async () => !(await portOpen(mongoPort)) && !(await portOpen(redisPort)), 15_000);
    expect(services(base, 'status').stdout).to.include('mongo-test stopped').and.to.include('redis-test stopped');
  });
});
