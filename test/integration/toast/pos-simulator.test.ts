/**
 * The README's hand-played visit, run for real: the POS simulator (scripts/pos.ts) against a
 * listening app — signup → inquire → redeem → accrue → reverse (redeem, then accrue), each
 * reverse printing the points it moved and the new balance. Points the worker would post are
 * posted here directly (no worker runs in this test). Also: POS_URL as the base or the full
 * webhook URL, `--help` of every command, and the one-line answer when nothing listens.
 */
import { expect } from 'chai';
import { execFile, spawnSync } from 'node:child_process';
import type { Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { DateTime } from 'luxon';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { appendEntry, readBalance } from '../../../server/loyalty/ledger/ledger.js';
import { postAccrual } from '../../../server/loyalty/accrual/accrual.js';
import { POS_COMMANDS } from '../../../scripts/pos/commands.js';
import { webhookUrl } from '../../../scripts/pos/webhook.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { freePort } from '../../support/net.js';
import { codeBlocks, readmeSection } from '../../support/readme-blocks.js';
import { runToolCaptured } from '../../support/tool-output.js';
import { expectValid } from '../../support/toast-client.js';
import type { TransactionType } from '../../../server/toast/transaction-types.js';

const run = promisify(execFile);

describe('POS simulator: a full visit as the README plays it', function () {
  this.timeout(120_000);
  let t: TestApp;
  let server: Server;
  let env: NodeJS.ProcessEnv;
  let base: string;

  before(async () => {
    t = await startTestApp({ dbPrefix: 'pos' });
    server = await new Promise<Server>((resolve) => { const s = t.app.listen(0, '127.0.0.1', () => resolve(s)); });
    const port = (server.address() as { port: number }).port;
    base = `http://127.0.0.1:${port}`;
    env = { ...process.env, POS_URL: base, POS_STATE: path.join(mkdtempSync(path.join(tmpdir(), 'pos-')), 'visit.json') };
  });
  after(async () => {
    await new Promise((resolve) => server.close(resolve));
    await t.close();
  });

  /** Runs one simulator command; returns the JSON of its (last) answer and the lines after it. */
  async function pos(...args: string[]): Promise<{ http: number; body: Record<string, any>; summary: string }> { // eslint-disable-line @typescript-eslint/no-explicit-any
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/pos.ts', ...args], { env });
    const last = stdout.slice(stdout.lastIndexOf('← HTTP '));
    const http = Number(/← HTTP (\d+)/.exec(last)![1]);
    const text = last.slice(last.indexOf('\n') + 1);
    const end = text.indexOf('\n}\n') + 3; // the answer is printed as indented JSON
    expectValid(`LOYALTY_${args[0]!.toUpperCase()}` as TransactionType, http, text.slice(0, end).trim());
    return { http, body: JSON.parse(text.slice(0, end)), summary: text.slice(end).trim() };
  }

  const posSync = (args: string[], extraEnv: NodeJS.ProcessEnv = {}) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/pos.ts', ...args], { env: { ...env, ...extraEnv }, encoding: 'utf8', timeout: 60_000 });

  it('signs up, sees offers, redeems free fries, pays, and voids both', async () => {
    const signup = await pos('signup', '--phone', '6175550142');
    const id = signup.body.signupResponse.loyaltyIdentifier as string;
    const member = (await t.deps.models.Member.findOne({ loyaltyIdentifier: id }).lean())!;
    // Three earlier visits' worth of points (the worker posts them under npm start).
    await appendEntry(t.deps.models, { programId: 'demo', memberId: member._id, delta: 63, kind: 'BONUS', sourceKey: 'pos-test', floor: 'ALLOW_NEGATIVE' }, t.clock.now());

    const inquire = await pos('inquire', id);
    expect(inquire.body.checkResponse.accountInfo.pointsBalance).to.equal('63');
    const redeem = await pos('redeem', id, 'free-fries');
    expect(redeem.body.checkResponse.appliedRedemptions[0]).to.include({ identifier: 'free-fries', amount: 3.49 });
    const accrue = await pos('accrue');
    expect(accrue.body.checkResponse.userMessage).to.match(/^You earned \d+ points on this visit\.$/);
    const accrual = await t.deps.models.Accrual.findOne({ memberId: member._id }).lean();
    await postAccrual(t.deps, String(accrual!._id), t.clock.now());
    const earned = (await readBalance(t.deps.models, member._id)).balance - 13;
    expect(earned).to.be.greaterThan(0);

    const reverseRedeem = await pos('reverse', 'redeem');
    expect(reverseRedeem.body).to.deep.equal({ transactionStatus: 'ACCEPT' });
    expect((await readBalance(t.deps.models, member._id)).balance).to.equal(63 + earned);
    expect(reverseRedeem.summary).to.match(/^reversed the visit's REDEEM \([0-9a-f-]{36}\): \+50 points moved; balance (\d+) → (\d+)$/);
    expect(reverseRedeem.summary).to.include(`balance ${13 + earned} → ${63 + earned}`);
    // The full webhook URL works as POS_URL as well as the base URL.
    env.POS_URL = `${base}/toast/loyalty/`;
    const reverseAccrue = await pos('reverse', 'accrue');
    expect(reverseAccrue.body).to.deep.equal({ transactionStatus: 'ACCEPT' });
    expect((await readBalance(t.deps.models, member._id)).balance).to.equal(63);
    expect(reverseAccrue.summary).to.include(`-${earned} points moved; balance ${63 + earned} → 63`);
    env.POS_URL = base;
  });

  it("plays the README's receipt claim: a check paid with no account, its receipt code, the claim", async () => {
    const [commands, answer, curl, credit] = codeBlocks(readmeSection('### Receipt claims: where the code comes from, and a worked example'));
    const steps = commands!.body.split('\n').filter((l) => l.startsWith('npm run pos --')).map((l) => l.replace(/#.*/, '').trim().split(/\s+/).slice(4));
    expect(steps.map((s) => s[0])).to.deep.equal(['signup', 'accrue']);
    const signedUp = await run(process.execPath, ['--import', 'tsx', 'scripts/pos.ts', ...steps[0]!], { env });
    const id = /loyalty identifier: (\S+)/.exec(signedUp.stdout)![1]!;

    // The demo doubles points 2-5 pm on weekdays (New York) and the simulator pays at the wall
    // clock: 21 points, or 42 in those hours (the README says so).
    const expected = (): number => {
      const ny = DateTime.now().setZone('America/New_York');
      return ny.weekday <= 5 && ny.hour >= 14 && ny.hour < 17 ? 42 : 21;
    };
    const possible = [expected()];
    const paid = await run(process.execPath, ['--import', 'tsx', 'scripts/pos.ts', ...steps[1]!], { env });
    possible.push(expected());
    const printed = paid.stdout.slice(paid.stdout.indexOf('← HTTP'));
    const points = Number(/claim (\d+) points/.exec(printed)?.[1]);
    expect(possible).to.include(points);
    const documented = answer!.body.replace('claim 21 points', `claim ${points} points`);
    // The answer is printed exactly as the README shows it; only the GUIDs of the code differ.
    expect(printed.slice(0, printed.indexOf('receipt QR code:'))).to.equal(documented.slice(0, documented.indexOf('receipt QR code:')));
    const code = /receipt QR code: (\S+)/.exec(printed)![1]!;
    const [restaurant, order, check] = code.split(':');
    expect(/receipt QR code: (\S+)/.exec(documented)![1]!.replace('<orderGuid>', order!).replace('<checkGuid>', check!)).to.equal(code);
    expect(restaurant).to.equal('6f9e4a52-7a7e-4c1f-9a51-2f0d6c1b7e01');

    const body = /-d '([^']+)'/.exec(curl!.body)![1]!.replace('<orderGuid>', order!).replace('<checkGuid>', check!).replace('<ID>', id);
    const authorization = /-H 'Authorization: ([^']+)'/.exec(curl!.body)![1]!;
    const res = await fetch(`${base}/v1/claims`, { method: 'POST', headers: { Authorization: authorization, 'Content-Type': 'application/json' }, body });
    expect(res.status).to.equal(201);
    const got = (await res.json()) as { claim: Record<string, unknown> };
    const credited = (JSON.parse(credit!.body) as { claim: Record<string, unknown> }).claim;
    expect(credited).to.include({ points: 21, pointsBalance: 21 });
    expect({ ...got.claim, accrualId: '<accrualId>', claimedAt: '<now>' }).to.deep.equal({ ...credited, points, pointsBalance: points });
  });

  it('names the missing step instead of sending a made-up transaction id', () => {
    const r = posSync(['reverse', 'redeem'], { POS_STATE: path.join(mkdtempSync(path.join(tmpdir(), 'pos-')), 'none.json') });
    expect(r.status).to.equal(2);
    expect(r.stderr).to.include('this visit has no REDEEM yet');
    expect(r.stdout).to.not.include('LOYALTY_REVERSE');
  });

  it('says which URL it tried and how to start Perkwire when nothing listens', async () => {
    const closed = await freePort();
    const r = posSync(['signup', '--phone', '6175550143'], { POS_URL: `http://127.0.0.1:${closed}` });
    expect(r.status).to.equal(2);
    expect(r.stderr).to.include(`cannot reach Perkwire at http://127.0.0.1:${closed}/toast/loyalty`);
    expect(r.stderr).to.include('npm start');
  });

  it('has --help with examples for the tool and every command; usage mistakes exit 2', async () => {
    const top = posSync(['--help']); // the real script once; each command in this process
    expect(top.status).to.equal(0);
    const tool = { usage: 'npm run pos --', summary: 'pos', commands: POS_COMMANDS };
    for (const c of POS_COMMANDS) {
      expect(top.stdout).to.include(c.name);
      const help = await runToolCaptured(tool, [c.name, '--help']);
      expect(help.code, `${c.name} --help`).to.equal(0);
      expect(help.out).to.include(`Usage: npm run pos -- ${c.name}`);
      expect(help.out).to.include('Examples:');
      for (const e of c.examples) expect(help.out).to.include(e);
    }
    const bad = posSync(['redeem', 'only-one-operand']);
    expect(bad.status).to.equal(2);
    expect(bad.stderr).to.include("missing required argument 'offerIdentifier'");
    expect((await runToolCaptured(tool, ['no-such-command'])).code).to.equal(2);
  });

  it('accepts the base URL or the full webhook URL as POS_URL', () => {
    for (const raw of ['http://localhost:8080', 'http://localhost:8080/', 'http://localhost:8080/toast/loyalty', 'http://localhost:8080/toast/loyalty/']) {
      expect(webhookUrl(raw), raw).to.equal('http://localhost:8080/toast/loyalty');
    }
    expect(webhookUrl('https://pos.example.com/perkwire')).to.equal('https://pos.example.com/perkwire/toast/loyalty');
    expect(() => webhookUrl('localhost:8080')).to.throw(/POS_URL must be http/);
    expect(() => webhookUrl('not a url')).to.throw(/POS_URL is not a URL/);
  });
});
