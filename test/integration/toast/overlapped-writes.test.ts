/**
 * Writes that need an effect committed, not what follows it, run beside it (issue 11: fewer
 * sequential round trips to the answer):
 * - a REDEEM writes its redemption's record while the ledger moves the member projection
 *   (ledger.ts `whileProjecting`), and a REVERSE of it marks the record reversed the same way;
 * - an ACCRUE stores its answer while its posting job is being added to the queue.
 * Each still waits for both before it answers, and a failure of either is answered from what
 * committed, with no rejection left unhandled.
 */
import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { accrualJobId } from '../../../server/queues/queues.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { commandTimeline } from '../../support/command-counter.js';
import { friesRedeem } from '../../support/demo-menu.js';
import { balanceOf, entriesOf, seedMember } from '../../support/members.js';
import { toast } from '../../support/toast-client.js';
import { unhandledDuring } from '../../support/unhandled-rejections.js';
import { accrueRequest, paidCheck, reverseRequest, selection } from '../../support/toast-requests.js';

describe('Toast webhook: writes beside the effect they follow', () => {
  let t: TestApp;
  before(async () => { t = await startTestApp({ dbPrefix: 'overlap', monitorCommands: true }); });
  after(async () => { await t.close(); });

  /** Position of `event` in `events`, which must hold it. */
  function at(events: string[], event: string): number {
    const i = events.indexOf(event);
    expect(i, `${event} in: ${events.join(', ')}`).to.be.at.least(0);
    return i;
  }

  it('REDEEM starts the redemption record before the member projection is answered; both land', async () => {
    const member = await seedMember(t.deps, { points: 200 });
    const guid = randomUUID();
    const { result: reply, events } = await commandTimeline(t.deps.conn, () => toast(t.app, 'LOYALTY_REDEEM', friesRedeem(member.loyaltyIdentifier, 10), { guid }));
    expect(reply.body.checkResponse!.appliedRedemptions!.map((a) => a.identifier)).to.deep.equal(['free-fries']);
    expect(at(events, 'start insert rewardRedemptions'), events.join(', ')).to.be.below(at(events, 'done update members'));
    // The answer waits for both: the claim is completed after each is done.
    const completed = events.lastIndexOf('start update toastTransactions');
    expect(completed, events.join(', ')).to.be.above(at(events, 'done insert rewardRedemptions'));
    expect(completed, events.join(', ')).to.be.above(at(events, 'done update members'));
    const record = await t.deps.models.RewardRedemption.findOne({ transactionGuid: guid }).lean();
    expect(record?.rewardId).to.equal('free-fries');
    const projected = await t.deps.models.Member.findById(member._id).lean();
    expect(projected?.pointsBalance).to.equal(await balanceOf(t.deps, member));
    expect(String(projected?.pointsBalance)).to.equal(String(reply.body.checkResponse!.accountInfo!.pointsBalance));
  });

  it('REVERSE of a REDEEM marks the record reversed before the member projection is answered', async () => {
    const member = await seedMember(t.deps, { points: 200 });
    const guid = randomUUID();
    await toast(t.app, 'LOYALTY_REDEEM', friesRedeem(member.loyaltyIdentifier, 10), { guid });
    const before = await balanceOf(t.deps, member);
    const { result: reply, events } = await commandTimeline(t.deps.conn, () => toast(t.app, 'LOYALTY_REVERSE', reverseRequest(guid, member.loyaltyIdentifier)));
    expect(reply.body.transactionStatus).to.equal('ACCEPT');
    expect(at(events, 'start findAndModify rewardRedemptions'), events.join(', ')).to.be.below(at(events, 'done update members'));
    expect((await t.deps.models.RewardRedemption.findOne({ transactionGuid: guid }).lean())?.reversedAt).to.be.instanceOf(Date);
    expect(await balanceOf(t.deps, member)).to.equal(before + 50);
    expect((await t.deps.models.Member.findById(member._id).lean())?.pointsBalance).to.equal(before + 50);
  });

  it('ACCRUE starts storing its answer before its posting job is added, and answers once the job is there', async () => {
    const member = await seedMember(t.deps, { points: 0 });
    const queue = t.deps.queues.accrual;
    const add = queue.add;
    let answered = false;
    const { result: reply, events } = await commandTimeline(t.deps.conn, async (mark) => {
      queue.add = async function (this: typeof queue, ...args: Parameters<typeof add>) {
        const job = await add.apply(this, args);
        mark(`job added${answered ? ' after the answer' : ''}`);
        return job;
      } as typeof add;
      try {
        const r = await toast(t.app, 'LOYALTY_ACCRUE', accrueRequest(member.loyaltyIdentifier, { check: paidCheck({ selections: [selection({ price: 20 })] }) }));
        answered = true;
        return r;
      } finally {
        queue.add = add;
      }
    });
    expect(reply.body.transactionStatus).to.equal('ACCEPT');
    expect(at(events, 'start insert toastTransactions'), events.join(', ')).to.be.below(at(events, 'job added'));
    const accrual = await t.deps.models.Accrual.findOne({ memberId: member._id }).lean();
    expect(await queue.getJob(accrualJobId(String(accrual!._id)))).to.not.equal(undefined);
  });

  it('a redemption record that fails after its debit committed: answered from the ledger, projection moved, nothing unhandled', async () => {
    const member = await seedMember(t.deps, { points: 200 });
    const guid = randomUUID();
    const usage = t.deps.models.RewardRedemption.collection;
    const insertOne = usage.insertOne;
    usage.insertOne = function () {
      return Promise.reject(Object.assign(new Error('connection closed (injected)'), { name: 'MongoNetworkError' }));
    } as typeof insertOne;
    let status: string | undefined;
    let applied: unknown[] | undefined;
    try {
      const unhandled = await unhandledDuring(async () => {
        const reply = await toast(t.app, 'LOYALTY_REDEEM', friesRedeem(member.loyaltyIdentifier, 10), { guid });
        status = reply.body.transactionStatus;
        applied = reply.body.checkResponse?.appliedRedemptions;
      });
      expect(unhandled).to.deep.equal([]);
    } finally {
      usage.insertOne = insertOne;
    }
    // The debit committed, so the answer lists it (invariant 6), once.
    expect(status).to.equal('ACCEPT');
    expect(applied).to.have.length(1);
    expect(await entriesOf(t.deps, member, 'REDEEM')).to.equal(1);
    expect(await balanceOf(t.deps, member)).to.equal(150);
    expect((await t.deps.models.Member.findById(member._id).lean())?.pointsBalance).to.equal(150);
  });
});
