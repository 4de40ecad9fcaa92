/**
 * A clean clone stays clean (issue 17 §7): dependencies are installed from the lock file with
 * `npm ci` semantics — never `npm install`, which rewrites package-lock.json — the committed lock
 * file is one `npm ci` accepts on this platform, and npm test fails when a run leaves files that
 * git neither tracks nor ignores. The shell helpers are exercised in a scratch git repository
 * holding a copy of scripts/lib.sh.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const env = { ...process.env, PATH: `${path.dirname(process.execPath)}:${process.env.PATH ?? ''}`, npm_config_loglevel: 'error' };
const sh = (cwd: string, script: string) => spawnSync('bash', ['-c', `source scripts/lib.sh\n${script}`], { cwd, env, encoding: 'utf8', timeout: 120_000 });
const git = (cwd: string, ...args: string[]) => spawnSync('git', args, { cwd, encoding: 'utf8' });

const PACKAGE = { name: 'scratch', version: '1.0.0', private: true };
const LOCK = { name: 'scratch', version: '1.0.0', lockfileVersion: 3, requires: true, packages: { '': { name: 'scratch', version: '1.0.0' } } };

describe('a clean clone stays clean', function () {
  this.timeout(120_000);
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'perkwire-clone-'));
    mkdirSync(path.join(dir, 'scripts'));
    copyFileSync('scripts/lib.sh', path.join(dir, 'scripts/lib.sh'));
    copyFileSync('.gitignore', path.join(dir, '.gitignore'));
    writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(PACKAGE, null, 2)}\n`);
    writeFileSync(path.join(dir, 'package-lock.json'), `${JSON.stringify(LOCK, null, 2)}\n`);
    git(dir, 'init', '-q');
    git(dir, 'add', '.');
    git(dir, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'scratch');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('installs from the lock file once, and never rewrites it', () => {
    const lock = readFileSync(path.join(dir, 'package-lock.json'), 'utf8');
    const first = sh(dir, 'ensure_node_modules');
    expect(first.status, first.stderr).to.equal(0);
    expect(first.stderr).to.include('npm ci');
    const again = sh(dir, 'ensure_node_modules');
    expect(again.status, again.stderr).to.equal(0);
    expect(again.stderr, 'an installed lock is not installed again').to.not.include('installing');
    expect(readFileSync(path.join(dir, 'package-lock.json'), 'utf8')).to.equal(lock);
    expect(git(dir, 'status', '--porcelain', '--untracked-files=all').stdout).to.equal('');
  });

  it('refuses a lock file that does not match package.json instead of rewriting it', () => {
    const lock = readFileSync(path.join(dir, 'package-lock.json'), 'utf8');
    writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ ...PACKAGE, dependencies: { 'left-pad': '1.3.0' } }, null, 2)}\n`);
    const r = sh(dir, 'ensure_node_modules');
    expect(r.status).to.not.equal(0);
    expect(r.stderr).to.include('run `npm install` once and commit the lock file');
    expect(readFileSync(path.join(dir, 'package-lock.json'), 'utf8')).to.equal(lock);
  });

  it('fails a run that leaves an untracked file or changes the lock file; ignored folders are fine', () => {
    const ignored = sh(dir, 'b="$(untracked_state)"; mkdir -p .run node_modules coverage; touch .run/x node_modules/y coverage/z; check_left_clean "$b"');
    expect(ignored.status, ignored.stderr).to.equal(0);
    const stray = sh(dir, 'b="$(untracked_state)"; mkdir -p test/tmp; touch test/tmp/visit.json; check_left_clean "$b"');
    expect(stray.status).to.equal(1);
    expect(stray.stderr).to.include('?? test/tmp/visit.json');
    rmSync(path.join(dir, 'test'), { recursive: true });
    const lock = sh(dir, 'b="$(untracked_state)"; echo " " >> package-lock.json; check_left_clean "$b"');
    expect(lock.status).to.equal(1);
    expect(lock.stderr).to.include('M package-lock.json');
  });

  it('keeps a committed lock file that npm ci accepts here, with this platform\'s binaries', () => {
    const scratch = mkdtempSync(path.join(tmpdir(), 'perkwire-lock-'));
    try {
      copyFileSync('package.json', path.join(scratch, 'package.json'));
      copyFileSync('package-lock.json', path.join(scratch, 'package-lock.json'));
      const r = spawnSync('npm', ['ci', '--dry-run', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: scratch, env, encoding: 'utf8', timeout: 120_000 });
      expect(r.status, `npm ci --dry-run: ${r.stderr}`).to.equal(0);
      expect(readFileSync(path.join(scratch, 'package-lock.json'), 'utf8')).to.equal(readFileSync('package-lock.json', 'utf8'));
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
    const packages = Object.keys((JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, unknown> }).packages);
    const platform = `${process.platform}-${process.arch}`;
    for (const native of ['@esbuild/', '@msgpackr-extract/msgpackr-extract-']) {
      expect(packages, `${native}${platform} in the lock file`).to.include(`node_modules/${native}${platform}`);
    }
  });

  it('is what npm start, npm test and the test:* scripts use (no npm install anywhere)', () => {
    for (const script of ['scripts/start.sh', 'scripts/test.sh', 'scripts/build.sh', 'scripts/test-with-services.sh']) {
      expect(readFileSync(script, 'utf8'), script).to.include('ensure_node_modules');
    }
    expect(readFileSync('scripts/lib.sh', 'utf8')).to.not.match(/npm install --/);
    expect(readFileSync('scripts/test.sh', 'utf8')).to.include('check_left_clean');
  });
});
