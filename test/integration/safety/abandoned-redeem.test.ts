/**
 * Issue 9 item 1, when the outcome cannot be read back: the database fails after a REDEEM's
 * debit and again when the REDEEM reads the ledger back, so it answers ERROR with a debit
 * committed. The claim is kept: a retry of the GUID answers ACCEPT from the committed debit;
 * without a retry, the debit is credited back once the grace period is over.
 */
import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { compensateAbandonedRedeems } from '../../../server/loyalty/redemption/abandoned-redeems.js';
import { verifyLedger } from '../../../server/loyalty/ledger/ledger-verify.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { friesRedeem } from '../../support/demo-menu.js';
import { balanceOf, entriesOf, seedMember } from '../../support/members.js';
import { toast } from '../../support/toast-client.js';
import { reverseRequest } from '../../support/toast-requests.js';

const GRACE_MS = 120_000;

describe('REDEEM answered ERROR after its debit committed', () => {
  let t: TestApp;
  let failures = 0;
  let readBackFails = false;
  let restore: () => void;

  before(async () => {
    t = await startTestApp({ dbPrefix: 'abandoned', env: { IDEMPOTENCY_WAIT_MS: '500' } });
    // Fault injection: the usage record after the debit fails, and so does the read-back of the
    // committed debits — as when the database goes away mid-REDEEM.
    const usage = t.deps.models.RewardRedemption.collection;
    const ledger = t.deps.models.LedgerEntry;
    const insertOne = usage.insertOne;
    const find = ledger.find;
    usage.insertOne = function (this: unknown, ...args: unknown[]) {
      if (failures > 0) {
        failures--;
        readBackFails = true;
        return Promise.reject(Object.assign(new Error('connection closed (injected)'), { name: 'MongoNetworkError' }));
      }
      return (insertOne as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof insertOne;
    ledger.find = function (this: unknown, ...args: unknown[]) {
      const filter = args[0] as { sourceKey?: { $in?: unknown } } | undefined;
      if (readBackFails && filter?.sourceKey?.$in) {
        readBackFails = false;
        throw Object.assign(new Error('connection closed (injected)'), { name: 'MongoNetworkError' });
      }
      return (find as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof find;
    restore = () => { usage.insertOne = insertOne; ledger.find = find; };
  });
  after(async () => {
    restore();
    await t.close();
  });

  it('a retry of the GUID answers ACCEPT from the committed debit, without a second debit', async () => {
    const member = await seedMember(t.deps, { points: 60 });
    const guid = randomUUID();
    const body = friesRedeem(member.loyaltyIdentifier);
    failures = 1;
    const failed = await toast(t.app, 'LOYALTY_REDEEM', body, { guid });
    expect(failed.body.transactionStatus).to.equal('ERROR');
    expect(await entriesOf(t.deps, member, 'REDEEM'), 'the debit committed').to.equal(1);
    expect(await t.deps.models.ToastTransaction.countDocuments({ transactionGuid: guid }), 'claim kept').to.equal(1);

    const retry = await toast(t.app, 'LOYALTY_REDEEM', body, { guid });
    expect(retry.body.transactionStatus).to.equal('ACCEPT');
    expect(retry.body.checkResponse!.appliedRedemptions).to.have.length(1);
    expect(await entriesOf(t.deps, member, 'REDEEM')).to.equal(1);
    expect(await balanceOf(t.deps, member)).to.equal(10);
    // Later sweeps leave an answered REDEEM alone.
    t.clock.advance(GRACE_MS + 1000);
    expect(await compensateAbandonedRedeems(t.deps.models, t.clock.now(), GRACE_MS)).to.equal(0);
    expect(await balanceOf(t.deps, member)).to.equal(10);
  });

  it('without a retry, the debit is credited back after the grace period, once', async () => {
    const member = await seedMember(t.deps, { points: 60 });
    const guid = randomUUID();
    const body = friesRedeem(member.loyaltyIdentifier);
    failures = 1;
    expect((await toast(t.app, 'LOYALTY_REDEEM', body, { guid })).body.transactionStatus).to.equal('ERROR');
    expect(await balanceOf(t.deps, member)).to.equal(10);

    expect(await compensateAbandonedRedeems(t.deps.models, t.clock.now(), GRACE_MS), 'within the grace period').to.equal(0);
    t.clock.advance(GRACE_MS + 1000);
    expect(await compensateAbandonedRedeems(t.deps.models, t.clock.now(), GRACE_MS)).to.equal(1);
    expect(await compensateAbandonedRedeems(t.deps.models, t.clock.now(), GRACE_MS)).to.equal(0);
    expect(await balanceOf(t.deps, member)).to.equal(60);
    const credit = await t.deps.models.LedgerEntry.findOne({ memberId: member._id, kind: 'REVERSE_REDEEM' }).lean();
    expect(credit).to.include({ delta: 50, cause: 'REDEEM_NOT_ACCEPTED' });

    // What Toast heard stays the answer; a REVERSE of the GUID finds nothing left to undo.
    const late = await toast(t.app, 'LOYALTY_REDEEM', body, { guid });
    expect(late.body.transactionStatus).to.equal('ERROR');
    expect((await toast(t.app, 'LOYALTY_REVERSE', reverseRequest(guid, member.loyaltyIdentifier))).body.transactionStatus).to.equal('ACCEPT');
    expect(await balanceOf(t.deps, member)).to.equal(60);
    expect((await verifyLedger(t.deps.models)).violations).to.equal(0);
  });
});
