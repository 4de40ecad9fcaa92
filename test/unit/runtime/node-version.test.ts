/**
 * Node.js is pinned in `.node-version` and nowhere else: npm test runs on it, package.json's
 * `engines` and `@types/node` follow its major, and scripts/lib.sh brings it when the machine's
 * node is older (Debian's 20).
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const pinned = readFileSync('.node-version', 'utf8').trim();
const pinnedMajor = Number(pinned.split('.')[0]);
const major = (version: string): number => Number(version.replace(/^[^\d]*/, '').split('.')[0]);

describe('Node.js runtime (.node-version)', () => {
  it('pins one exact 24.x LTS version', () => {
    expect(pinned).to.match(/^24\.\d+\.\d+$/);
  });

  it(`runs this suite on the pinned major (npm test brings it; targeted runs: bash scripts/node.sh npx mocha …)`, () => {
    console.log(`      Node ${process.versions.node} at ${process.execPath}`);
    expect(major(process.versions.node), `Node ${process.versions.node} runs the suite`).to.be.at.least(pinnedMajor);
  });

  it('declares the same major in engines and @types/node', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
      engines: { node: string }; devDependencies: Record<string, string>;
    };
    expect(pkg.engines.node).to.equal(`>=${pinnedMajor}`);
    expect(major(pkg.devDependencies['@types/node']!)).to.equal(pinnedMajor);
  });

  it('scripts/lib.sh puts the pinned Node first on PATH when the machine has an older one', function () {
    this.timeout(120_000);
    // The machine's node, as Debian's would answer: version 20 (every other use runs the real one,
    // so npm can still fetch the package when .node/ is empty).
    const bin = mkdtempSync(path.join(os.tmpdir(), 'perkwire-old-node-'));
    try {
      writeFileSync(path.join(bin, 'node'), [
        '#!/usr/bin/env bash',
        'if [ "$*" = "-p process.versions.node" ]; then echo 20.20.2; exit 0; fi',
        `exec ${JSON.stringify(process.execPath)} "$@"`,
        '',
      ].join('\n'));
      chmodSync(path.join(bin, 'node'), 0o755);
      const inherited = (process.env.PATH ?? '').split(':').filter((dir) => !dir.includes(`${path.sep}.node${path.sep}`));
      const run = spawnSync('bash', ['-c', 'source scripts/lib.sh && use_pinned_node && command -v node && node -p process.versions.node'], {
        env: { ...process.env, PATH: [bin, ...inherited].join(':') }, encoding: 'utf8',
      });
      expect(run.status, run.stderr).to.equal(0);
      const [where, version] = run.stdout.trim().split('\n');
      expect(where).to.equal(path.resolve('.node', pinned, 'bin', 'node'));
      expect(version).to.equal(pinned);
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
  });
});
