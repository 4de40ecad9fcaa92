/**
 * `npm start` as a newcomer runs it (scripts/start.sh): on the pinned Node even when the PATH
 * has only an older one (/healthz says which), local services started on their own ports, the
 * demo program published, /readyz 200, the banner with the Toast endpoint, demo restaurant and
 * dev key; `npm run services:stop` refuses to stop the services under it (issue 17 §6);
 * Ctrl-C (SIGINT to the process group) stops the server and then the services it started. Ports, data and pid files are the test's own, so a developer's running
 * `npm start` is left alone.
 */
import { expect } from 'chai';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, portOpen, waitFor } from '../../support/net.js';

describe('npm start (scripts/start.sh)', function () {
  this.timeout(180_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'perkwire-start-'));
  let child: ChildProcess | null = null;
  let output = '';
  after(() => {
    if (child?.pid && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  /** What npm start must not add to a clone: untracked files, or a changed package.json / lock file. */
  const untracked = (): string[] => spawnSync('git', ['status', '--porcelain', '--untracked-files=all'], { encoding: 'utf8' }).stdout
    .split('\n').filter((l) => l.startsWith('?? ') || / package(-lock)?\.json$/.test(l));

  it('serves the demo program, then stops the server and its services on SIGINT', async () => {
    const before = untracked();
    const [port, mongoPort, redisPort] = [await freePort(), await freePort(), await freePort()];
    const env: NodeJS.ProcessEnv = {
      ...process.env, PORT: String(port), PERKWIRE_DEV_MONGO_PORT: String(mongoPort), PERKWIRE_DEV_REDIS_PORT: String(redisPort),
      PERKWIRE_DATA_DIR: path.join(dir, 'data'), PERKWIRE_RUN_DIR: path.join(dir, 'run'), LOG_LEVEL: 'warn',
    };
    delete env.MONGODB_URI; // as on a fresh machine: the script starts its own services
    delete env.REDIS_URL;
    // As on a machine with Debian's Node 20: the pinned Node is not on the PATH, start.sh puts it there.
    env.PATH = (env.PATH ?? '').split(':').filter((dir) => !dir.includes(`${path.sep}.node${path.sep}`)).join(':');
    child = spawn('bash', ['scripts/start.sh'], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (d: Buffer) => { output += d.toString(); });
    child.stderr?.on('data', (d: Buffer) => { output += d.toString(); });

    await waitFor('/readyz 200', async () => (await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200, 150_000);
    // Ready as soon as one API process listens; the banner follows once all of them do.
    await waitFor('the banner', async () => output.includes('Perkwire is running.'), 60_000);
    expect(output).to.include(`POST http://localhost:${port}/toast/loyalty`);
    expect(output).to.include('6f9e4a52-7a7e-4c1f-9a51-2f0d6c1b7e01');
    expect(output).to.include('Dev Toast API key: dev-toast-key');
    const health = await (await fetch(`http://127.0.0.1:${port}/healthz`)).json() as { node: string; version: string; commit: string };
    const pinnedMajor = Number(readFileSync('.node-version', 'utf8').split('.')[0]);
    expect(Number(health.node.split('.')[0]), `/healthz: Node ${health.node}`).to.be.at.least(pinnedMajor);
    expect(health.version).to.equal(JSON.parse(readFileSync('package.json', 'utf8')).version);
    expect(health.commit).to.match(/^[0-9a-f]{40}(-dirty)?$/);
    expect(await portOpen(mongoPort)).to.equal(true);
    expect(await portOpen(redisPort)).to.equal(true);

    // services:stop never pulls the database from under a running npm start by surprise.
    const services = (...args: string[]) => spawnSync('bash', ['scripts/services.sh', ...args], { env, encoding: 'utf8', timeout: 60_000 });
    const unnamed = services('stop');
    expect(unnamed.status, unnamed.stderr).to.not.equal(0);
    expect(unnamed.stderr).to.include('--profile dev').and.to.include('--profile test');
    const refused = services('stop', '--profile', 'dev');
    expect(refused.status, refused.stderr).to.not.equal(0);
    expect(refused.stderr).to.match(new RegExp(`npm start \\(port ${port}\\) \\(pid \\d+\\) is using the dev services`));
    expect(refused.stderr).to.include('--force');
    expect(services('status').stdout).to.include(`dev services in use by npm start (port ${port})`);
    expect(await portOpen(mongoPort)).to.equal(true);
    expect(await portOpen(redisPort)).to.equal(true);
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).to.equal(200);

    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    process.kill(-child.pid!, 'SIGINT'); // what Ctrl-C sends: the whole foreground process group
    expect(await exited).to.equal(0);
    expect(output).to.include('stopped');
    expect(await portOpen(port)).to.equal(false);
    await waitFor('local services stopped', async () => !(await portOpen(mongoPort)) && !(await portOpen(redisPort)), 20_000);
    expect(untracked(), 'npm start left the work tree changed').to.deep.equal(before);
  });
});
