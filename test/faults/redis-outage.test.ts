/**
 * Fault: Redis goes down during an ACCRUE load and comes back empty (no persistence). Toast is
 * still answered ACCEPT (the accrual is in MongoDB first); the sweeper re-enqueues what Redis
 * lost, and every accepted ACCRUE is posted exactly once.
 */
import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { burger } from '../support/demo-menu.js';
import { accrueRequest, paidCheck, signupRequest } from '../support/toast-requests.js';
import { freePort, OwnRedis, PerkwireProcess, waitFor } from './support/processes.js';
import { ledgerVerifyClean, faultDb, pool, queuePrefix, sendToast, type FaultDb } from './support/stack.js';

const PAID_AT = '2026-12-01T15:00:00.000+0000';

describe('fault: Redis stops during an ACCRUE load and starts again', function () {
  this.timeout(180_000);
  let db: FaultDb;
  let redis: OwnRedis;
  let api: PerkwireProcess;
  let worker: PerkwireProcess;

  before(async () => {
    db = await faultDb();
    redis = new OwnRedis(await freePort());
    await redis.start();
    const common = { mongodbUri: db.uri, redisUrl: redis.url, queuePrefix: queuePrefix() };
    api = new PerkwireProcess({ ...common, role: 'api', port: await freePort() });
    worker = new PerkwireProcess({ ...common, role: 'worker', env: { LOG_LEVEL: 'info' } });
    await Promise.all([api.start(), worker.start()]);
  });
  after(async () => {
    await Promise.all([api.stop(), worker.stop()]);
    await redis.stop();
    await db.drop();
  });

  function accrue(member: string) {
    return () => sendToast(api.baseUrl, 'LOYALTY_ACCRUE', accrueRequest(member, {
      check: { ...paidCheck({ selections: [burger(10)] }), paidDate: PAID_AT, closedDate: PAID_AT },
    }), randomUUID());
  }

  it('answers every ACCRUE with ACCEPT while Redis is down, and posts each once when it is back', async () => {
    const members: string[] = [];
    for (let i = 0; i < 10; i++) {
      const r = await sendToast(api.baseUrl, 'LOYALTY_SIGNUP', signupRequest({ email: `outage${i}@example.com` }));
      members.push((r.body.signupResponse as { loyaltyIdentifier: string }).loyaltyIdentifier);
    }
    const before = await pool(Array.from({ length: 40 }, (_, i) => accrue(members[i % 10]!)), 8);
    await redis.stop();
    const during = await pool(Array.from({ length: 40 }, (_, i) => accrue(members[i % 10]!)), 8);
    for (const r of [...before, ...during]) {
      expect(r.status).to.equal('fulfilled');
      const reply = (r as PromiseFulfilledResult<{ status: number; body: { transactionStatus?: string } }>).value;
      expect(reply.status).to.equal(200);
      expect(reply.body.transactionStatus).to.equal('ACCEPT');
    }
    expect(await db.models.Accrual.countDocuments({})).to.equal(80);

    await redis.start();
    await waitFor('all accruals posted', async () => (await db.models.Accrual.countDocuments({ state: 'POSTED' })) === 80, 120_000);
    expect(await db.models.LedgerEntry.countDocuments({ kind: 'ACCRUE' })).to.equal(80);
    const balances = (await db.models.Member.find({}, { pointsBalance: 1 }).lean()).map((m) => m.pointsBalance);
    expect(balances).to.deep.equal(new Array(10).fill(80));
    expect(await ledgerVerifyClean(db.uri)).to.match(/^ledger:verify OK: 10 members, .*, 0 violations$/);
  });
});
