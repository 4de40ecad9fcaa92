/**
 * Production runs compiled JavaScript: `npm run build` (scripts/build.sh) compiles to dist/ with
 * source maps and build info, and `node dist/server/main.js` — no tsx, NODE_ENV=production —
 * serves the demo against the test services, reports what runs on /healthz, passes the image's
 * HEALTHCHECK and stops in order on SIGTERM. dist/ must hold every path the Dockerfile's runtime
 * stage copies from the build stage.
 */
import { expect } from 'chai';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import mongoose from 'mongoose';
import { copies, execForm, readDockerfile } from '../../support/dockerfile.js';
import { freePort, waitFor } from '../../support/net.js';
import { serviceUrls, uniqueDbName } from '../../support/services.js';
import { signupRequest, toastHeaders } from '../../support/toast-requests.js';

/** The environment of a process that must not inherit mocha's tsx loader or c8's coverage. */
function plainEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  delete env.NODE_OPTIONS;
  delete env.NODE_V8_COVERAGE;
  return env;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

describe('compiled service (npm run build, node dist/server/main.js)', function () {
  this.timeout(240_000);
  const head = spawnSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).stdout.trim();

  before(() => {
    const build = spawnSync('bash', ['scripts/build.sh'], { encoding: 'utf8', env: plainEnv({}), timeout: 200_000 });
    expect(build.status, build.stderr).to.equal(0);
  });

  it('writes JavaScript with source maps, the rule-file schema and the build info to dist/', () => {
    const files = filesUnder('dist');
    expect(files.filter((f) => f.endsWith('.ts')), 'no TypeScript in dist/').to.deep.equal([]);
    for (const file of ['dist/server/main.js', 'dist/server/main.js.map', 'dist/workers/index.js', 'dist/scripts/healthcheck.js',
      'dist/scripts/ledger-verify.js', 'dist/rules/schema/program.schema.json', 'dist/dashboard/index.html']) {
      expect(existsSync(file), file).to.equal(true);
    }
    expect(files.some((f) => f.startsWith(`dist${path.sep}test`)), 'tests are not compiled').to.equal(false);
    expect(readFileSync('dist/server/main.js', 'utf8')).to.match(/\/\/# sourceMappingURL=main\.js\.map\s*$/);
    const info = JSON.parse(readFileSync('dist/build-info.json', 'utf8')) as { version: string; commit: string; builtAt: string };
    expect(info.version).to.equal(JSON.parse(readFileSync('package.json', 'utf8')).version);
    expect(info.commit.startsWith(head), `${info.commit} is HEAD ${head}`).to.equal(true);
  });

  it('imports only Node built-ins and production dependencies (the image prunes the dev ones)', () => {
    const { dependencies } = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
    const bare = new Set<string>();
    for (const file of filesUnder('dist').filter((f) => f.endsWith('.js'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s*'([^'.][^']*)'|\bimport\s*\(?\s*'([^'.][^']*)'/g)) {
        bare.add((m[1] ?? m[2])!);
      }
    }
    expect(bare.size).to.be.greaterThan(5);
    for (const specifier of bare) {
      if (specifier.startsWith('node:')) continue;
      const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
      expect(dependencies, `${specifier} is a production dependency`).to.have.property(name);
    }
  });

  it('holds every path the Dockerfile runtime stage copies from the build stage (WORKDIR /app)', () => {
    const dockerfile = readDockerfile();
    const fromBuild = copies(dockerfile).filter((c) => c.from === 'build').flatMap((c) => c.sources);
    for (const source of fromBuild) expect(existsSync(path.relative('/app', source)), source).to.equal(true);
    for (const keyword of ['CMD', 'HEALTHCHECK']) {
      const args = execForm(dockerfile.filter((i) => i.stage === 'runtime' && i.keyword === keyword)[0]!.args)!;
      for (const file of args.filter((a) => a.endsWith('.js'))) expect(existsSync(file), `${keyword} ${file}`).to.equal(true);
    }
  });

  it('maps stack traces to the TypeScript sources with --enable-source-maps', () => {
    const script = "import { loadConfig } from './dist/config/index.js'; try { loadConfig({ PORT: 'x' }); } catch (e) { console.log(e.stack); }";
    const run = spawnSync(process.execPath, ['--enable-source-maps', '--input-type=module', '-e', script], { encoding: 'utf8', env: plainEnv({}) });
    expect(run.stdout).to.include('PORT must be integer');
    expect(run.stdout).to.match(/at loadConfig \(.*config[/\\]index\.ts:\d+:\d+\)/);
  });

  describe('node dist/server/main.js in production mode', () => {
    let child: ChildProcess | null = null;
    let output = '';
    const dbName = uniqueDbName('dist');
    const toastKey = randomBytes(24).toString('hex');
    const { mongodbUri, redisUrl } = serviceUrls();
    const uri = new URL(mongodbUri);
    uri.pathname = `/${dbName}`;
    let port = 0;
    const env = (): NodeJS.ProcessEnv => plainEnv({
      NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', MONGODB_URI: uri.toString(), REDIS_URL: redisUrl,
      QUEUE_PREFIX: `dist${randomBytes(4).toString('hex')}`, TOAST_API_KEYS: toastKey,
      ADMIN_API_KEYS: `${randomBytes(24).toString('hex')}:*`, MEMBER_KEY_SECRET: randomBytes(24).toString('hex'),
      SEED_DEMO: 'true', LOG_LEVEL: 'info',
    });
    const healthcheck = () => spawnSync(process.execPath, ['dist/scripts/healthcheck.js'], { env: env(), encoding: 'utf8', timeout: 10_000 });

    after(async () => {
      if (child && child.exitCode === null) child.kill('SIGKILL');
      const conn = await mongoose.createConnection(mongodbUri, { dbName }).asPromise();
      await conn.dropDatabase().catch(() => undefined);
      await conn.close();
    });

    it('serves the demo, reports version, Node and commit, and stops in order on SIGTERM', async () => {
      port = await freePort();
      child = spawn(process.execPath, ['--enable-source-maps', 'dist/server/main.js'], { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout?.on('data', (d: Buffer) => { output += d.toString(); });
      child.stderr?.on('data', (d: Buffer) => { output += d.toString(); });
      const base = `http://127.0.0.1:${port}`;
      await waitFor('/readyz 200', async () => (await fetch(`${base}/readyz`)).status === 200, 120_000)
        .catch((err: Error) => { throw new Error(`${err.message}; process output:\n${output}`); });

      const health = await (await fetch(`${base}/healthz`)).json() as Record<string, unknown>;
      const info = JSON.parse(readFileSync('dist/build-info.json', 'utf8')) as { version: string; commit: string };
      expect(health).to.deep.equal({ status: 'ok', version: info.version, node: process.versions.node, commit: info.commit });
      expect(Number(process.versions.node.split('.')[0])).to.be.at.least(24);

      const signup = await fetch(`${base}/toast/loyalty`, {
        method: 'POST', headers: toastHeaders('LOYALTY_SIGNUP', { authorization: toastKey }),
        body: JSON.stringify(signupRequest({ phone: `617${String(Date.now()).slice(-7)}` })),
      });
      const answer = await signup.json() as { transactionStatus: string; signupResponse: { loyaltyIdentifier: string } };
      expect(signup.status, JSON.stringify(answer)).to.equal(200);
      expect(answer.transactionStatus).to.equal('ACCEPT');
      expect(answer.signupResponse.loyaltyIdentifier).to.be.a('string');
      // The compiled service finds the bundled dashboard in dist/dashboard/ (as in the image).
      const dashboard = await fetch(`${base}/dashboard/`);
      expect(dashboard.status).to.equal(200);
      expect(await dashboard.text()).to.include('assets/app-');
      expect(healthcheck().status, 'HEALTHCHECK while serving').to.equal(0);

      // 'close', not 'exit': only then has all of the child's output been read (its last line is written just before it exits).
      const exited = new Promise<number | null>((resolve) => child!.once('close', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exited, output.slice(-3000)).to.equal(0);
      for (const step of ['"signal":"SIGTERM"', '"msg":"shutting down"', '"msg":"stopped"']) expect(output).to.include(step);
      expect(healthcheck().status, 'HEALTHCHECK after the stop').to.equal(1);
    });
  });
});
