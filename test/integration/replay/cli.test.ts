/**
 * `npm run rules -- replay | backtest` as a program manager runs them (tsx rules/cli.ts, the
 * store at MONGODB_URI): exit codes and messages for a reproduced replay, a mismatch, unknown
 * input, an invalid draft (errors with JSON paths), an empty range and a range over the limit.
 */
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '../../support/app.js';
import { seedMember } from '../../support/members.js';
import { playVisit, type Visit } from '../../support/replay-visit.js';
import { serviceUrls } from '../../support/services.js';

describe('rules CLI: replay and backtest', function () {
  this.timeout(120_000);
  let t: TestApp;
  let visit: Visit;
  let uri: string;
  const dir = mkdtempSync(join(tmpdir(), 'replay-cli-'));

  /** Runs the CLI against the test app's database (async: several can run at once). */
  function cli(...args: string[]): Promise<{ code: number | null; out: string; stdout: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'rules/cli.ts', ...args], { env: { ...process.env, MONGODB_URI: uri } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
      child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
      child.on('close', (code) => resolve({ code, out: stdout + stderr, stdout }));
    });
  }

  before(async () => {
    t = await startTestApp({ dbPrefix: 'replaycli' });
    const url = new URL(serviceUrls().mongodbUri);
    url.pathname = `/${t.deps.conn.name}`;
    uri = url.toString();
    visit = await playVisit(t, await seedMember(t.deps, { points: 60 }));
  });
  after(async () => { await t.close(); });

  it('replay: REPRODUCED exits 0; --json is the report; unknown GUID exits 1', async () => {
    const [human, json, unknown] = await Promise.all([cli('replay', visit.redeem), cli('replay', visit.accrue, '--json'), cli('replay', randomUUID())]);
    expect(human.code, human.out).to.equal(0);
    expect(human.out).to.match(/^LOYALTY_REDEEM .* version 2026\.11\.0 \(/).and.contain('REPRODUCED');
    expect(json.code, json.out).to.equal(0);
    expect(JSON.parse(json.stdout)).to.deep.include({ type: 'LOYALTY_ACCRUE', reproduced: true, mismatches: [] });
    expect(unknown.code).to.equal(1);
    expect(unknown.out).to.match(/unknown transaction/);
  });

  it('replay: a mismatch is loud (exit 3); a draft prints its differences', async () => {
    const doc = await t.deps.models.ToastTransaction.findOne({ transactionGuid: visit.redeem }).lean();
    const parsed = JSON.parse(doc!.responseBody!) as { checkResponse: { accountInfo: { pointsBalance: number } } };
    const balance = Number(parsed.checkResponse.accountInfo.pointsBalance);
    parsed.checkResponse.accountInfo.pointsBalance = balance + 1;
    const body = JSON.stringify(parsed);
    await t.deps.models.ToastTransaction.updateOne({ _id: doc!._id }, { $set: { responseBody: body } });
    const demo = JSON.parse(readFileSync('rules/programs/demo.json', 'utf8')) as { rewards: { id: string }[] };
    demo.rewards = demo.rewards.filter((r) => r.id !== 'free-fries');
    writeFileSync(join(dir, 'no-fries.json'), JSON.stringify(demo));
    const r = await cli('replay', visit.redeem, '--draft', join(dir, 'no-fries.json'));
    await t.deps.models.ToastTransaction.updateOne({ _id: doc!._id }, { $set: { responseBody: doc!.responseBody } });
    expect(r.code, r.out).to.equal(3);
    expect(r.out).to.contain('MISMATCH').and.contain(`~ /pointsBalance: ${balance + 1} → ${balance}`);
    expect(r.out).to.match(/against draft .*no-fries\.json/).and.contain('- /applied/free-fries');
  });

  it('backtest: an invalid draft lists its errors with paths (exit 1); a range over the limit is refused (exit 1)', async () => {
    const [invalid, tooLong, unknown] = await Promise.all([
      cli('backtest', '--program', 'demo', '--draft', 'test/fixtures/rules/broken-schema.json', '--from', '2026-11-01', '--to', '2026-11-30'),
      cli('backtest', '--program', 'demo', '--version', '2026.11.0', '--from', '2026-01-01', '--to', '2026-12-31'),
      cli('backtest', '--program', 'nope', '--version', '1', '--from', '2026-01-01', '--to', '2026-01-31'),
    ]);
    expect(invalid.code, invalid.out).to.equal(1);
    expect(invalid.out).to.contain('is invalid (7 error(s))').and.contain('  /earning/perCents ');
    expect(tooLong.code, tooLong.out).to.equal(1);
    expect(tooLong.out).to.contain('is 365 days: a backtest reads at most 92 days');
    expect(unknown.code).to.equal(1);
    expect(unknown.out).to.contain('unknown program "nope"');
  });

  it('backtest: an empty range is a clear empty result (exit 0); --json and --csv', async () => {
    const [empty, json, csv] = await Promise.all([
      cli('backtest', '--program', 'demo', '--version', '2026.11.0', '--from', '2025-01-01', '--to', '2025-01-31'),
      cli('backtest', '--program', 'demo', '--version', '2026.11.0', '--from', '2026-12-01', '--to', '2026-12-01', '--json', '--rate', '0.01'),
      cli('backtest', '--program', 'demo', '--version', '2026.11.0', '--from', '2026-12-01', '--to', '2026-12-01', '--csv'),
    ]);
    expect(empty.code, empty.out).to.equal(0);
    expect(empty.out).to.contain('no stored checks or redemptions in this range');
    expect(json.code, json.out).to.equal(0);
    const report = JSON.parse(json.stdout) as { totals: { current: Record<string, unknown>; draft: Record<string, unknown> }; days: unknown[] };
    expect(report.totals.current).to.include({ checks: 1, redemptions: 1 });
    expect(report.totals.current.pointsIssued).to.equal(report.totals.draft.pointsIssued);
    expect(report.totals.current.liabilityDollars).to.equal((report.totals.current.pointsIssued as number) / 100);
    expect(report.days).to.have.length(1);
    expect(csv.code, csv.out).to.equal(0);
    expect(csv.stdout.split('\n')[0]).to.match(/^date,current_checks,current_pointsIssued,/);
    expect(csv.stdout).to.match(/\n2026-12-01,1,/).and.match(/\ntotal,1,/);
  });
});
