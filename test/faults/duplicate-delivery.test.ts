/**
 * Fault: the same accrual job is delivered several times at once (BullMQ is at-least-once; a
 * stalled job runs again). The ledger's sourceKey makes the points post once.
 */
import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { producerConnection } from '../../server/queues/connections.js';
import { createQueues } from '../../server/queues/queues.js';
import { burger } from '../support/demo-menu.js';
import { serviceUrls } from '../support/services.js';
import { accrueRequest, paidCheck, signupRequest } from '../support/toast-requests.js';
import { freePort, PerkwireProcess, waitFor } from './support/processes.js';
import { ledgerVerifyClean, faultDb, queuePrefix, sendToast, type FaultDb } from './support/stack.js';

describe('fault: duplicate job deliveries', function () {
  this.timeout(120_000);
  let db: FaultDb;
  let api: PerkwireProcess;
  let worker: PerkwireProcess;
  const prefix = queuePrefix();

  before(async () => {
    db = await faultDb();
    const common = { mongodbUri: db.uri, redisUrl: serviceUrls().redisUrl, queuePrefix: prefix };
    api = new PerkwireProcess({ ...common, role: 'api', port: await freePort() });
    worker = new PerkwireProcess({ ...common, role: 'worker', env: { LOG_LEVEL: 'info' } });
    await Promise.all([api.start(), worker.start()]);
  });
  after(async () => {
    await Promise.all([api.stop(), worker.stop()]);
    await db.drop();
  });

  it('posts an accrual once when its job is delivered ten times concurrently', async () => {
    const signup = await sendToast(api.baseUrl, 'LOYALTY_SIGNUP', signupRequest({ email: 'dupe@example.com' }));
    const id = (signup.body.signupResponse as { loyaltyIdentifier: string }).loyaltyIdentifier;
    const paidAt = '2026-12-01T15:00:00.000+0000';
    await sendToast(api.baseUrl, 'LOYALTY_ACCRUE', accrueRequest(id, { check: { ...paidCheck({ selections: [burger(20)] }), paidDate: paidAt, closedDate: paidAt } }), randomUUID());
    const accrual = await db.models.Accrual.findOne({}).lean();
    const redis = producerConnection(serviceUrls().redisUrl);
    const queues = createQueues(redis, prefix);
    try {
      // Ten more deliveries under other job ids: each one runs the processor again.
      await Promise.all(Array.from({ length: 10 }, (_, i) => queues.accrual.add('post', { accrualId: String(accrual!._id) }, { jobId: `dup-${i}-${String(accrual!._id)}` })));
      await waitFor('duplicate jobs processed', async () => ((await queues.accrual.getJobCounts('completed')).completed ?? 0) >= 11, 60_000);
    } finally {
      await queues.close();
      redis.disconnect();
    }
    expect(await db.models.LedgerEntry.countDocuments({ kind: 'ACCRUE' })).to.equal(1);
    expect((await db.models.Member.findOne({}).lean())!.pointsBalance).to.equal(20);
    expect(await ledgerVerifyClean(db.uri)).to.match(/^ledger:verify OK: 1 members, .*, 0 violations$/);
  });
});
