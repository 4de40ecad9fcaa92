/**
 * `npm run test:faults` starts what it needs (issue 17 §6): with no MONGODB_URI / REDIS_URL it
 * starts the test profile's MongoDB-compatible server and Redis (on this test's own ports and pid
 * folder), runs the fault suite (here mocha's --dry-run: the suite itself runs in npm test), and
 * stops the services it started. Before, the script ran mocha alone and every fault test failed
 * on the missing URLs.
 */
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, portOpen } from '../../support/net.js';

describe('npm run test:faults (scripts/test-with-services.sh)', function () {
  this.timeout(180_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'perkwire-faults-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('is the fault suite run through the script that starts the test services', () => {
    const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts['test:faults']).to.equal("bash scripts/test-with-services.sh mocha 'test/faults/**/*.test.ts'");
  });

  it('starts the test services, runs the suite and stops what it started', async () => {
    const [mongoPort, redisPort] = [await freePort(), await freePort()];
    const env: NodeJS.ProcessEnv = {
      ...process.env, PERKWIRE_TEST_MONGO_PORT: String(mongoPort), PERKWIRE_TEST_REDIS_PORT: String(redisPort), PERKWIRE_RUN_DIR: path.join(dir, 'run'),
    };
    delete env.MONGODB_URI;
    delete env.REDIS_URL;
    const child = spawn('bash', ['scripts/test-with-services.sh', 'mocha', 'test/faults/**/*.test.ts', '--dry-run'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { out += d.toString(); });
    // 'close': the EXIT trap's 'stopped …' lines are the script's last output, read only by then.
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    expect(code, out).to.equal(0);
    expect(out).to.include(`starting MongoDB-compatible server (test) on 127.0.0.1:${mongoPort}`);
    expect(out).to.include(`starting Redis (test) on 127.0.0.1:${redisPort}`);
    expect(out).to.include('fault: Redis stops during an ACCRUE load');
    expect(out).to.match(/\d+ passing/);
    expect(out).to.include('stopped mongo-test').and.to.include('stopped redis-test');
    expect(await portOpen(mongoPort)).to.equal(false);
    expect(await portOpen(redisPort)).to.equal(false);
  });
});
