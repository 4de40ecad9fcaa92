/**
 * A REDEEM reads its account while dispatch claims the request (ToastHandler.prefetch): one
 * sequential round trip less. The read is only a read: a copy that finds the request done
 * answers the stored bytes whatever the read did, and a read that fails for the claim's owner
 * fails the request as it did before, with nothing debited, and a retry debits once.
 */
import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../../support/app.js';
import { friesRedeem } from '../../support/demo-menu.js';
import { commandTimeline } from '../../support/command-counter.js';
import { balanceOf, entriesOf, seedMember } from '../../support/members.js';
import { toast, type ToastReply } from '../../support/toast-client.js';
import { unhandledDuring } from '../../support/unhandled-rejections.js';

describe('Toast webhook: REDEEM reads its account while the request is claimed', () => {
  let t: TestApp;
  before(async () => { t = await startTestApp({ dbPrefix: 'prefetch', monitorCommands: true }); });
  after(async () => { await t.close(); });

  /** Makes the next `n` account reads (members by loyalty identifier) fail like a lost connection. */
  function failAccountReads(n: number): () => void {
    const members = t.deps.models.Member.collection;
    const findOne = members.findOne;
    let left = n;
    members.findOne = function (this: unknown, ...args: unknown[]) {
      if (left > 0 && (args[0] as { loyaltyIdentifier?: unknown } | undefined)?.loyaltyIdentifier !== undefined) {
        left--;
        return Promise.reject(Object.assign(new Error('connection closed (injected)'), { name: 'MongoNetworkError' }));
      }
      return (findOne as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof findOne;
    return () => { members.findOne = findOne; };
  }

  it('starts the account read before the claim insert is answered', async () => {
    const member = await seedMember(t.deps, { points: 200 });
    const { result: reply, events } = await commandTimeline(t.deps.conn, () => toast(t.app, 'LOYALTY_REDEEM', friesRedeem(member.loyaltyIdentifier, 10)));
    expect(reply.body.checkResponse!.appliedRedemptions!.map((a) => a.identifier)).to.deep.equal(['free-fries']);
    const readStarts = events.indexOf('start find members');
    const claimDone = events.indexOf('done insert toastTransactions');
    expect(readStarts, events.join(', ')).to.be.at.least(0);
    expect(claimDone, events.join(', ')).to.be.at.least(0);
    expect(readStarts, events.join(', ')).to.be.below(claimDone);
  });

  it('a copy of a done REDEEM answers the stored bytes even when its account read fails', async () => {
    const member = await seedMember(t.deps, { points: 200 });
    const guid = randomUUID();
    const body = friesRedeem(member.loyaltyIdentifier, 10);
    const first = await toast(t.app, 'LOYALTY_REDEEM', body, { guid });
    const restore = failAccountReads(1);
    try {
      const unhandled = await unhandledDuring(async () => {
        const copy = await toast(t.app, 'LOYALTY_REDEEM', body, { guid });
        expect(copy.status).to.equal(200);
        expect(copy.text).to.equal(first.text);
      });
      expect(unhandled).to.deep.equal([]);
    } finally {
      restore();
    }
    expect(await balanceOf(t.deps, member)).to.equal(150);
    expect(await entriesOf(t.deps, member, 'REDEEM')).to.equal(1);
  });

  it('a failed account read fails the owner\'s REDEEM with nothing debited; the retry debits once', async () => {
    const member = await seedMember(t.deps, { points: 200 });
    const guid = randomUUID();
    const body = friesRedeem(member.loyaltyIdentifier, 10);
    const restore = failAccountReads(1);
    let failed: ToastReply | undefined;
    try {
      const unhandled = await unhandledDuring(async () => { failed = await toast(t.app, 'LOYALTY_REDEEM', body, { guid }); });
      expect(unhandled).to.deep.equal([]);
    } finally {
      restore();
    }
    if (!failed) throw new Error('no answer');
    expect(failed.status).to.equal(500);
    expect(failed.body.transactionStatus).to.equal('ERROR');
    expect(await balanceOf(t.deps, member)).to.equal(200);
    const retried = await toast(t.app, 'LOYALTY_REDEEM', body, { guid });
    expect(retried.body.checkResponse!.appliedRedemptions!.map((a) => a.identifier)).to.deep.equal(['free-fries']);
    expect(await balanceOf(t.deps, member)).to.equal(150);
    expect(await entriesOf(t.deps, member, 'REDEEM')).to.equal(1);
  });
});
