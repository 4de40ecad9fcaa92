/**
 * ACCRUE pipeline on the real store and Redis: accept → BullMQ worker → ledger, Toast's
 * retry with a new GUID, reversal before and after posting, and the sweeper.
 */
import { expect } from 'chai';
import { randomBytes, randomUUID } from 'node:crypto';
import type mongoose from 'mongoose';
import { Types } from 'mongoose';
import pino from 'pino';
import { loadConfig } from '../../../config/index.js';
import { ManualClock } from '../../../server/clock.js';
import { acceptAccrual, postAccrual, reverseAccrual } from '../../../server/loyalty/accrual/accrual.js';
import { publishProgramsFromDir } from '../../../server/loyalty/programs/programs.js';
import { registerModels, type Models } from '../../../server/store/models/index.js';
import { accrualWorker } from '../../../workers/accrual.worker.js';
import { sweepPendingAccruals } from '../../../workers/accrual.sweeper.js';
import { producerConnection } from '../../../server/queues/connections.js';
import type { Stoppable, WorkerDeps } from '../../../workers/deps.js';
import { createQueues, type Queues } from '../../../server/queues/queues.js';
import { connectTestDb, dropTestDb, serviceUrls } from '../../support/services.js';
import { normalizeToastCheck } from '../../../server/toast/normalize/index.js';

const DEMO = '6f9e4a52-7a7e-4c1f-9a51-2f0d6c1b7e01';

/** A paid demo check: burger $8.99 + soda $2.29 at 10 am New York on a Wednesday → 11 points. */
function paidCheck(total = 11.28) {
  return {
    guid: randomUUID(), entityType: 'Check', paymentStatus: 'CLOSED', amount: total,
    paidDate: '2026-07-15T14:00:00.000+0000', closedDate: '2026-07-15T14:00:00.000+0000',
    selections: [
      { guid: randomUUID(), quantity: 1, preDiscountPrice: 8.99, price: 8.99, item: { guid: 'a1f0c3d2-0001-4b5e-9c1a-000000000001', entityType: 'MenuItem' }, itemGroup: { guid: 'a1f0c3d2-1001-4b5e-9c1a-000000001001', entityType: 'MenuGroup' }, modifiers: [], appliedDiscounts: [] },
      { guid: randomUUID(), quantity: 1, preDiscountPrice: total - 8.99, price: total - 8.99, item: { guid: 'a1f0c3d2-0020-4b5e-9c1a-000000000020', entityType: 'MenuItem' }, modifiers: [], appliedDiscounts: [] },
    ],
    appliedDiscounts: [],
    payments: [{ guid: randomUUID(), type: 'CREDIT', amount: total, tipAmount: 2, paymentStatus: 'CAPTURED' }],
  };
}

describe('accrual pipeline', () => {
  let conn: mongoose.Connection;
  let models: Models;
  let queues: Queues;
  let workerDeps: WorkerDeps;
  let worker: Stoppable;
  let redis: ReturnType<typeof producerConnection>;
  const clock = new ManualClock('2026-07-15T14:05:00Z');
  const logger = pino({ level: 'silent' });
  const prefix = `t${randomBytes(4).toString('hex')}`;

  before(async () => {
    conn = await connectTestDb('accrual');
    models = await registerModels(conn);
    await publishProgramsFromDir(models, 'rules/programs', clock.now());
    const { redisUrl, mongodbUri } = serviceUrls();
    const config = loadConfig({ REDIS_URL: redisUrl, MONGODB_URI: mongodbUri, QUEUE_PREFIX: prefix });
    redis = producerConnection(redisUrl);
    queues = createQueues(redis, prefix);
    workerDeps = { config, logger, clock, conn, models };
  });
  after(async () => {
    await worker?.stop();
    await queues.close();
    redis.disconnect();
    await dropTestDb(conn);
  });

  async function member(points = 0) {
    const m = await models.Member.create({ programId: 'demo', loyaltyIdentifier: randomUUID(), status: 'REGISTERED', pointsBalance: 0, createdAt: clock.now() });
    if (points) await models.LedgerEntry.create({ programId: 'demo', memberId: m._id, seq: 1, delta: points, balanceAfter: points, lifetimeAfter: points, kind: 'BONUS', sourceKey: 'seed', createdAt: clock.now() });
    if (points) await models.Member.updateOne({ _id: m._id }, { $set: { pointsBalance: points, ledgerSeq: 1 } });
    return models.Member.findById(m._id).lean().then((d) => d!);
  }

  async function balanceOf(id: Types.ObjectId): Promise<number> {
    return (await models.Member.findById(id).lean())!.pointsBalance;
  }

  async function until(fn: () => Promise<boolean>, what: string): Promise<void> {
    for (let i = 0; i < 200; i++) {
      if (await fn()) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`timed out waiting for ${what}`);
  }

  it('accepts a check, and the worker posts its points to the ledger exactly once', async () => {
    worker = await accrualWorker.start(workerDeps);
    const m = await member();
    const accepted = await acceptAccrual({ models, logger, queues }, { programId: 'demo', locationGuid: DEMO, transactionGuid: randomUUID(), member: m, check: normalizeToastCheck(paidCheck()), now: clock.now() });
    expect(accepted).to.include({ points: 11, duplicate: false, userMessage: 'You earned 11 points on this visit.' });
    // The state flip is posting's last step (after the entry and the tier): wait for it, not for the balance.
    await until(async () => (await models.Accrual.findById(accepted.accrualId).lean())?.state === 'POSTED', 'accrual posted');
    const acc = await models.Accrual.findById(accepted.accrualId).lean();
    expect(acc).to.include({ state: 'POSTED', points: 11 });
    expect(await balanceOf(m._id)).to.equal(11);
    // A duplicate delivery of the job has no second effect.
    expect(await postAccrual({ models }, accepted.accrualId, clock.now())).to.equal('ALREADY_DONE');
    expect(await models.LedgerEntry.countDocuments({ memberId: m._id })).to.equal(1);
  });

  it('credits a check once when Toast retries its ACCRUE with a new GUID', async () => {
    const m = await member();
    const check = paidCheck(40);
    const deps = { models, logger, queues };
    const first = await acceptAccrual(deps, { programId: 'demo', locationGuid: DEMO, transactionGuid: randomUUID(), member: m, check: normalizeToastCheck(check), now: clock.now() });
    const retryGuid = randomUUID();
    const retry = await acceptAccrual(deps, { programId: 'demo', locationGuid: DEMO, transactionGuid: retryGuid, member: m, check: normalizeToastCheck(check), now: clock.now() });
    expect(retry).to.include({ duplicate: true, accrualId: first.accrualId, points: first.points });
    expect(first.points).to.equal(40 + 25); // 1 per $1 plus the $30 bonus
    await until(async () => (await balanceOf(m._id)) === 65, 'points posted');
    // The REVERSE names the GUID Toast saw succeed: the retry's.
    expect(await reverseAccrual({ models }, { programId: 'demo', transactionGuid: retryGuid, now: clock.now() })).to.equal('REVERSED');
    expect(await balanceOf(m._id)).to.equal(0);
    expect(await reverseAccrual({ models }, { programId: 'demo', transactionGuid: retryGuid, now: clock.now() })).to.equal('ALREADY_REVERSED');
    expect(await balanceOf(m._id)).to.equal(0);
  });

  it('cancels a pending accrual, so a late job posts nothing', async () => {
    await worker.stop();
    const m = await member();
    const guid = randomUUID();
    const accepted = await acceptAccrual({ models, logger, queues }, { programId: 'demo', locationGuid: DEMO, transactionGuid: guid, member: m, check: normalizeToastCheck(paidCheck()), now: clock.now() });
    expect(await reverseAccrual({ models }, { programId: 'demo', transactionGuid: guid, now: clock.now() })).to.equal('REVERSED');
    expect(await postAccrual({ models }, accepted.accrualId, clock.now())).to.equal('REVERSED');
    expect(await balanceOf(m._id)).to.equal(0);
    expect(await models.LedgerEntry.countDocuments({ memberId: m._id })).to.equal(0);
  });

  it('clamps a reversal at zero after the points were spent (demo policy ZERO)', async () => {
    const m = await member(5);
    const guid = randomUUID();
    const accepted = await acceptAccrual({ models, logger, queues }, { programId: 'demo', locationGuid: DEMO, transactionGuid: guid, member: m, check: normalizeToastCheck(paidCheck()), now: clock.now() });
    await postAccrual({ models }, accepted.accrualId, clock.now());
    expect(await balanceOf(m._id)).to.equal(16);
    await models.LedgerEntry.create({ programId: 'demo', memberId: m._id, seq: 3, delta: -14, balanceAfter: 2, lifetimeAfter: 16, kind: 'REDEEM', sourceKey: 'spent', createdAt: clock.now() });
    expect(await reverseAccrual({ models }, { programId: 'demo', transactionGuid: guid, now: clock.now() })).to.equal('REVERSED');
    const last = await models.LedgerEntry.findOne({ memberId: m._id }).sort({ seq: -1 }).lean();
    expect(last).to.include({ kind: 'REVERSE_ACCRUE', delta: -2, requestedDelta: -11, balanceAfter: 0 });
  });

  it('lets a check accrue again after its accrual was reversed (tip change: REVERSE then new ACCRUE)', async () => {
    const m = await member();
    const check = paidCheck();
    const deps = { models, logger, queues };
    const firstGuid = randomUUID();
    const first = await acceptAccrual(deps, { programId: 'demo', locationGuid: DEMO, transactionGuid: firstGuid, member: m, check: normalizeToastCheck(check), now: clock.now() });
    await postAccrual({ models }, first.accrualId, clock.now());
    await reverseAccrual({ models }, { programId: 'demo', transactionGuid: firstGuid, now: clock.now() });
    const second = await acceptAccrual(deps, { programId: 'demo', locationGuid: DEMO, transactionGuid: randomUUID(), member: m, check: normalizeToastCheck(check), now: clock.now() });
    expect(second.duplicate).to.equal(false);
    await postAccrual({ models }, second.accrualId, clock.now());
    expect(await balanceOf(m._id)).to.equal(11);
  });

  it('keeps an anonymous check unclaimed, with no job and no ledger entry', async () => {
    const accepted = await acceptAccrual({ models, logger, queues }, { programId: 'demo', locationGuid: DEMO, transactionGuid: randomUUID(), member: null, check: normalizeToastCheck(paidCheck()), now: clock.now() });
    expect(accepted.userMessage).to.equal('Scan the QR code on this receipt to claim 11 points.');
    expect(await models.Accrual.findById(accepted.accrualId).lean()).to.include({ state: 'UNCLAIMED', memberId: null });
  });

  it('re-enqueues accruals whose job never reached Redis', async () => {
    const m = await member();
    const deadQueues = { accrual: { add: () => Promise.reject(new Error('redis down')) } } as unknown as Queues;
    const accepted = await acceptAccrual({ models, logger, queues: deadQueues }, { programId: 'demo', locationGuid: DEMO, transactionGuid: randomUUID(), member: m, check: normalizeToastCheck(paidCheck()), now: clock.now() });
    expect(await models.Accrual.findById(accepted.accrualId).lean()).to.include({ state: 'PENDING' });
    const swept: string[] = [];
    expect(await sweepPendingAccruals(workerDeps, async (id) => { swept.push(id); return true; })).to.equal(0);
    clock.advance(60_000);
    await sweepPendingAccruals(workerDeps, async (id) => { swept.push(id); return true; });
    expect(swept).to.include(accepted.accrualId);
  });
});
