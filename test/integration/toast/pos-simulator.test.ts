/**
 * The README's hand-played visit, run for real: the POS simulator (scripts/pos.ts) against a
 * listening app — signup → inquire → redeem → accrue → reverse (redeem, then accrue).
 * Points the worker would post are posted here directly (no worker runs in this test).
 */
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import type { Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { appendEntry, readBalance } from '../../../server/loyalty/ledger/ledger.js';
import { postAccrual } from '../../../server/loyalty/accrual/accrual.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { expectValid } from '../../support/toast-client.js';
import type { TransactionType } from '../../../server/toast/transaction-types.js';

const run = promisify(execFile);

describe('POS simulator: a full visit as the README plays it', function () {
  this.timeout(120_000);
  let t: TestApp;
  let server: Server;
  let env: NodeJS.ProcessEnv;

  before(async () => {
    t = await startTestApp({ dbPrefix: 'pos' });
    server = await new Promise<Server>((resolve) => { const s = t.app.listen(0, '127.0.0.1', () => resolve(s)); });
    const port = (server.address() as { port: number }).port;
    env = { ...process.env, POS_URL: `http://127.0.0.1:${port}`, POS_STATE: path.join(mkdtempSync(path.join(tmpdir(), 'pos-')), 'visit.json') };
  });
  after(async () => {
    await new Promise((resolve) => server.close(resolve));
    await t.close();
  });

  /** Runs one simulator command; returns the JSON of its (last) answer. */
  async function pos(...args: string[]): Promise<{ http: number; body: Record<string, any> }> { // eslint-disable-line @typescript-eslint/no-explicit-any
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/pos.ts', ...args], { env });
    const last = stdout.slice(stdout.lastIndexOf('← HTTP '));
    const http = Number(/← HTTP (\d+)/.exec(last)![1]);
    const text = last.slice(last.indexOf('\n') + 1);
    expectValid(`LOYALTY_${args[0]!.toUpperCase()}` as TransactionType, http, text.trim());
    return { http, body: JSON.parse(text) };
  }

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

    expect((await pos('reverse', 'redeem')).body).to.deep.equal({ transactionStatus: 'ACCEPT' });
    expect((await readBalance(t.deps.models, member._id)).balance).to.equal(63 + earned);
    expect((await pos('reverse', 'accrue')).body).to.deep.equal({ transactionStatus: 'ACCEPT' });
    expect((await readBalance(t.deps.models, member._id)).balance).to.equal(63);
  });
});
