/**
 * Fault: a worker is killed with SIGKILL in the middle of accrual jobs. BullMQ hands the stalled
 * jobs to the next worker; posting is idempotent on the ledger sourceKey. Afterwards every
 * accepted ACCRUE is posted exactly once and the ledger is consistent.
 */
import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { burger } from '../support/demo-menu.js';
import { serviceUrls } from '../support/services.js';
import { accrueRequest, paidCheck, signupRequest } from '../support/toast-requests.js';
import { freePort, PerkwireProcess, waitFor } from './support/processes.js';
import { ledgerVerifyClean, faultDb, pool, queuePrefix, sendToast, type FaultDb } from './support/stack.js';

const PAID_AT = '2026-12-01T15:00:00.000+0000'; // 10 am New York: no double points

describe('fault: worker killed during accrual jobs', function () {
  this.timeout(180_000);
  let db: FaultDb;
  let api: PerkwireProcess;
  const workers: PerkwireProcess[] = [];

  before(async () => {
    db = await faultDb();
    const common = { mongodbUri: db.uri, redisUrl: serviceUrls().redisUrl, queuePrefix: queuePrefix() };
    api = new PerkwireProcess({ ...common, role: 'api', port: await freePort() });
    await api.start();
    for (let i = 0; i < 2; i++) workers.push(new PerkwireProcess({ ...common, role: 'worker', env: { LOG_LEVEL: 'info' } }));
  });
  after(async () => {
    await Promise.all([api.stop(), ...workers.map((w) => w.stop())]);
    await db.drop();
  });

  it('posts every accepted ACCRUE exactly once after a kill -9 and a fresh worker', async () => {
    const members: string[] = [];
    for (let i = 0; i < 20; i++) {
      const r = await sendToast(api.baseUrl, 'LOYALTY_SIGNUP', signupRequest({ phone: `617555${String(1000 + i)}` }));
      members.push((r.body.signupResponse as { loyaltyIdentifier: string }).loyaltyIdentifier);
    }
    // 200 checks of $12.00 → 12 points each, 10 per member.
    const accrues = Array.from({ length: 200 }, (_, i) => () => sendToast(api.baseUrl, 'LOYALTY_ACCRUE', accrueRequest(members[i % 20]!, {
      check: { ...paidCheck({ selections: [burger(12)] }), paidDate: PAID_AT, closedDate: PAID_AT },
    }), randomUUID()));
    const replies = await pool(accrues, 16);
    expect(replies.every((r) => r.status === 'fulfilled' && r.value.status === 200)).to.equal(true);

    // Kill the worker once some, but not all, accruals are posted: it starts on a full queue (started
    // during the ACCRUEs, it kept up with them in a fast run: 170 of 200 posted at the kill), and is watched closely.
    await workers[0]!.start();
    await waitFor('some accruals posted', async () => (await db.models.Accrual.countDocuments({ state: 'POSTED' })) >= 20, 60_000, 10);
    await workers[0]!.kill();
    const postedAtKill = await db.models.Accrual.countDocuments({ state: 'POSTED' });
    expect(postedAtKill).to.be.lessThan(200);
    console.log(`      posted when the worker was killed: ${postedAtKill} of 200`);

    await workers[1]!.start();
    await waitFor('all accruals posted', async () => (await db.models.Accrual.countDocuments({ state: 'POSTED' })) === 200, 120_000);
    expect(await db.models.LedgerEntry.countDocuments({ kind: 'ACCRUE' })).to.equal(200);
    const perMember = await db.models.Member.find({}, { pointsBalance: 1 }).lean();
    expect(perMember.map((m) => m.pointsBalance)).to.deep.equal(new Array(20).fill(120));
    expect(await ledgerVerifyClean(db.uri)).to.match(/^ledger:verify OK: 20 members, .*, 0 violations$/);
  });
});
