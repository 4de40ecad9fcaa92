/**
 * The image and the compose profile, checked without Docker (none on our machines): every path
 * the Dockerfile copies from the build context exists and passes .dockerignore, both stages run
 * the pinned Node, the runtime stage is non-root with a /healthz HEALTHCHECK and node as PID 1,
 * and the `app` profile runs the API and the workers as two services. What the build stage
 * produces (dist/) is checked after a real build in test/integration/build/.
 */
import { expect } from 'chai';
import { existsSync, readFileSync } from 'node:fs';
import { CORE_SCHEMA, load, mergeTag } from 'js-yaml';
import { copies, execForm, readDockerfile } from '../../support/dockerfile.js';

const dockerfile = readDockerfile();
const pinned = readFileSync('.node-version', 'utf8').trim();
const ignored = readFileSync('.dockerignore', 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
const runtime = dockerfile.filter((i) => i.stage === 'runtime');
const one = (keyword: string, stage = runtime) => {
  const found = stage.filter((i) => i.keyword === keyword);
  expect(found, keyword).to.have.length(1);
  return found[0]!;
};

describe('Dockerfile', () => {
  it('builds and runs on the Node pinned in .node-version, slim, in two stages', () => {
    expect(dockerfile[0]).to.deep.include({ keyword: 'ARG', args: `NODE_VERSION=${pinned}` });
    const froms = dockerfile.filter((i) => i.keyword === 'FROM').map((i) => i.args);
    expect(froms).to.deep.equal(['node:${NODE_VERSION}-bookworm-slim AS build', 'node:${NODE_VERSION}-bookworm-slim AS runtime']);
  });

  it('copies from the build context only paths that exist and .dockerignore lets through', () => {
    const fromContext = copies(dockerfile).filter((c) => c.from === null);
    expect(fromContext.length).to.be.greaterThan(3);
    for (const source of fromContext.flatMap((c) => c.sources)) {
      expect(existsSync(source), `${source} exists`).to.equal(true);
      const top = source.replace(/\/$/, '').split('/')[0]!;
      expect(ignored, `${source} is not in .dockerignore`).to.not.include(top);
    }
    for (const secretOrBulk of ['.git', 'node_modules', '.node', 'dist', '.env', 'data']) expect(ignored).to.include(secretOrBulk);
  });

  it('copies every folder tsconfig.build.json compiles into the build stage', () => {
    const build = JSON.parse(readFileSync('tsconfig.build.json', 'utf8')) as { include: string[] };
    const copied = copies(dockerfile).filter((c) => c.stage === 'build' && c.from === null).flatMap((c) => c.sources);
    for (const folder of build.include) expect(copied, folder).to.include(`${folder}/`);
    for (const file of ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json']) expect(copied).to.include(file);
  });

  it('builds with npm run build and keeps only production dependencies', () => {
    const runs = dockerfile.filter((i) => i.stage === 'build' && i.keyword === 'RUN').map((i) => i.args).join(' && ');
    expect(runs).to.include('npm ci');
    expect(runs).to.include('bash scripts/build.sh');
    expect(JSON.parse(readFileSync('package.json', 'utf8')).scripts.build).to.equal('bash scripts/build.sh');
    expect(runs).to.match(/npm prune --omit=dev/);
    for (const script of runs.match(/scripts\/[\w./-]+/g) ?? []) expect(existsSync(script), script).to.equal(true);
    const fromBuild = copies(runtime).filter((c) => c.from === 'build').flatMap((c) => c.sources);
    expect(fromBuild).to.include.members(['/app/package.json', '/app/node_modules/', '/app/dist/', '/app/rules/programs/']);
    expect(copies(runtime).filter((c) => c.from === null), 'runtime takes nothing from the context').to.have.length(0);
  });

  it('runs as a non-root user with NODE_ENV=production', () => {
    expect(one('USER').args).to.not.match(/^(root|0)\b/);
    expect(one('ENV').args).to.include('NODE_ENV=production');
  });

  it('checks health through GET /healthz', () => {
    const check = one('HEALTHCHECK').args;
    expect(execForm(check)).to.deep.equal(['node', 'dist/scripts/healthcheck.js']);
    expect(readFileSync('scripts/healthcheck.ts', 'utf8')).to.include('/healthz');
  });

  it('starts node dist/server/main.js as PID 1 (exec form), which turns SIGTERM into the ordered shutdown', () => {
    expect(execForm(one('CMD').args)).to.deep.equal(['node', '--enable-source-maps', 'dist/server/main.js']);
    expect(one('STOPSIGNAL').args).to.equal('SIGTERM');
    expect(runtime.some((i) => i.keyword === 'ENTRYPOINT'), 'no shell entrypoint in front of node').to.equal(false);
    const main = readFileSync('server/main.ts', 'utf8');
    expect(main).to.match(/process\.on\('SIGTERM'/);
    expect(main).to.include('orderedShutdown(');
  });
});

interface ComposeService {
  profiles?: string[]; image?: string; build?: { context: string }; environment?: Record<string, string>;
  depends_on?: Record<string, unknown>; stop_grace_period?: string; healthcheck?: { disable?: boolean };
}

describe('docker-compose.yml', () => {
  // Compose resolves YAML merge keys (`<<: *perkwire`); js-yaml's default schema leaves them out.
  const compose = load(readFileSync('docker-compose.yml', 'utf8'), { schema: CORE_SCHEMA.withTags(mergeTag) }) as { services: Record<string, ComposeService> };
  const { api, worker, mongo, redis } = compose.services;

  it('keeps MongoDB and Redis outside any profile (docker compose up -d starts only them)', () => {
    expect(mongo?.profiles).to.equal(undefined);
    expect(redis?.profiles).to.equal(undefined);
  });

  it('runs the image as ROLE=api and ROLE=worker under the app profile, against the compose databases', () => {
    for (const [service, role] of [[api, 'api'], [worker, 'worker']] as const) {
      expect(service?.profiles).to.deep.equal(['app']);
      expect(service?.build?.context).to.equal('.');
      expect(service?.image).to.equal('perkwire:local');
      expect(service?.environment).to.include({ ROLE: role, NODE_ENV: 'production', MONGODB_URI: 'mongodb://mongo:27017/perkwire', REDIS_URL: 'redis://redis:6379' });
      expect(service?.environment, 'production secrets come from the caller').to.include.keys('TOAST_API_KEYS', 'ADMIN_API_KEYS', 'MEMBER_KEY_SECRET');
      expect(service?.depends_on).to.have.keys('mongo', 'redis');
      expect(parseInt(service?.stop_grace_period ?? '0', 10), 'grace period over SHUTDOWN_TIMEOUT_MS').to.be.greaterThan(10);
    }
    expect(worker?.healthcheck?.disable, 'a worker serves no /healthz').to.equal(true);
    expect(api?.healthcheck).to.equal(undefined);
  });
});
