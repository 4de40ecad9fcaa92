/**
 * `npm run rules -- publish <file> --activate` and `activate <program> <version>` against a
 * listening API: URL and key from the environment, the server's refusals printed with their
 * JSON paths, exit codes 0 / 1 / 2.
 */
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestApp } from '../../support/app.js';
import { ADMIN_KEYS, startAdminApp } from './helpers.js';

/** Runs the CLI as `npm run rules --` does, without blocking this process (it serves the API). */
function cli(env: Record<string, string>, ...args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'rules/cli.ts', ...args], { env: { ...process.env, ...env } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { out += d.toString(); });
    child.on('close', (code) => resolve({ code, out })); // after the last output is read ('exit' may come before it)
  });
}

describe('rules CLI: publish and activate through the admin API', function () {
  this.timeout(60_000);
  let t: TestApp;
  let server: Server;
  let env: Record<string, string>;
  let dir: string;

  before(async () => {
    t = await startAdminApp();
    server = await new Promise((resolve) => { const s = t.app.listen(0, '127.0.0.1', () => resolve(s)); });
    const address = server.address();
    env = { PERKWIRE_API_URL: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, PERKWIRE_ADMIN_KEY: ADMIN_KEYS.demo };
    dir = mkdtempSync(join(tmpdir(), 'publish-'));
  });
  after(async () => {
    await new Promise((resolve) => server.close(resolve));
    await t.close();
  });

  it('publishes a file and activates it; `activate` rolls back', async () => {
    const file = JSON.parse(readFileSync('rules/programs/demo.json', 'utf8'));
    file.version = 'cli-v2';
    writeFileSync(join(dir, 'demo.json'), JSON.stringify(file));
    const published = await cli(env, 'publish', join(dir, 'demo.json'), '--activate');
    expect(published.code, published.out).to.equal(0);
    expect(published.out).to.match(/published {2}demo cli-v2/).and.match(/active {2}demo cli-v2 \(was 2026\.11\.0\)/);
    expect((await t.deps.models.Program.findById('demo').lean())!.activeVersion).to.equal('cli-v2');
    const again = await cli(env, 'publish', join(dir, 'demo.json'));
    expect(again.out).to.match(/unchanged {2}demo cli-v2/);
    const back = await cli(env, 'activate', 'demo', '2026.11.0');
    expect(back.code, back.out).to.equal(0);
    expect((await t.deps.models.Program.findById('demo').lean())!.activeVersion).to.equal('2026.11.0');
  });

  it('prints every error of a refused file with its JSON path (exit 1)', async () => {
    const broken = JSON.parse(readFileSync('test/fixtures/rules/broken-semantics.json', 'utf8'));
    broken.id = 'demo';
    writeFileSync(join(dir, 'broken.json'), JSON.stringify(broken));
    const res = await cli(env, 'publish', join(dir, 'broken.json'), '--activate');
    expect(res.code).to.equal(1);
    expect(res.out).to.include('422 INVALID_RULE_FILE');
    expect(res.out.split('\n').filter((l) => l.startsWith('  /')).length).to.be.greaterThan(5);
  });

  it('refuses another program (403), a wrong key (401), and runs nothing without a key (exit 2)', async () => {
    const cafe = await cli(env, 'publish', 'rules/programs/cafe.json');
    expect(cafe.code).to.equal(1);
    expect(cafe.out).to.include('403 FORBIDDEN');
    const wrong = await cli({ ...env, PERKWIRE_ADMIN_KEY: 'not-a-key' }, 'activate', 'demo', '2026.11.0');
    expect(wrong.out).to.include('401 UNAUTHORIZED');
    const none = await cli({ ...env, PERKWIRE_ADMIN_KEY: '' }, 'publish', 'rules/programs/demo.json');
    expect(none.code).to.equal(2);
    expect(none.out).to.include('PERKWIRE_ADMIN_KEY');
  });
});
