/**
 * Issue 9 item 1: no error after a commit. The write that stores a REDEEM's (ACCRUE's, SIGNUP's,
 * REVERSE's, TRANSFER's) answer fails after the effect committed; Toast must still hear ACCEPT
 * (it never retries a failed REDEEM), the claim must survive, a retry of the GUID must get the
 * same bytes — also when the answer never got stored and the retry re-runs the request after
 * the claim's lease — and a REVERSE must find the REDEEM.
 */
import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../../support/app.js';
import { burger, friesRedeem } from '../../support/demo-menu.js';
import { balanceOf, entriesOf, seedMember } from '../../support/members.js';
import { toast } from '../../support/toast-client.js';
import { accrueRequest, inquireRequest, paidCheck, reverseRequest, signupRequest, transferRequest } from '../../support/toast-requests.js';
import { DEFAULT_LEASE_MS, identifierKey } from '../../../server/loyalty/idempotency/idempotency.js';
import { verifyLedger } from '../../../server/loyalty/ledger/ledger-verify.js';

describe('commit safety: the answer of a committed effect is ACCEPT', () => {
  let t: TestApp;
  let failCompletions = 0;
  let restore: () => void;

  before(async () => {
    t = await startTestApp({ dbPrefix: 'commitsafe', env: { IDEMPOTENCY_WAIT_MS: '1000' } });
    // Fault injection: the next `failCompletions` writes that mark a claim DONE fail like a
    // dropped connection would (the update never reaches the store).
    const model = t.deps.models.ToastTransaction;
    const original = model.updateOne;
    model.updateOne = function (this: unknown, ...args: Parameters<typeof original>) {
      const update = args[1] as { $set?: { state?: string } } | undefined;
      if (update?.$set?.state === 'DONE' && failCompletions > 0) {
        failCompletions--;
        return Promise.reject(Object.assign(new Error('connection reset (injected)'), { name: 'MongoNetworkError' })) as never;
      }
      return original.apply(this, args);
    } as typeof original;
    // An ACCRUE has no claim to complete: its answer is stored by one insert after the accrual.
    const collection = model.collection;
    const insertOne = collection.insertOne;
    collection.insertOne = function (this: unknown, ...args: Parameters<typeof insertOne>) {
      const doc = args[0] as { state?: string; type?: string };
      if (doc.state === 'DONE' && doc.type === 'LOYALTY_ACCRUE' && failCompletions > 0) {
        failCompletions--;
        return Promise.reject(Object.assign(new Error('connection reset (injected)'), { name: 'MongoNetworkError' })) as never;
      }
      return insertOne.apply(this, args);
    } as typeof insertOne;
    restore = () => {
      model.updateOne = original;
      collection.insertOne = insertOne;
    };
  });
  after(async () => {
    restore();
    await t.close();
  });

  it('REDEEM whose answer cannot be stored: ACCEPT, one debit, same bytes on retry, REVERSE works, ledger clean', async () => {
    const member = await seedMember(t.deps, { points: 60 });
    const guid = randomUUID();
    const body = friesRedeem(member.loyaltyIdentifier);
    failCompletions = 1;
    const first = await toast(t.app, 'LOYALTY_REDEEM', body, { guid });
    expect(failCompletions, 'the injected failure was hit').to.equal(0);
    expect(first.status).to.equal(200);
    expect(first.body.transactionStatus).to.equal('ACCEPT');
    expect(first.body.checkResponse!.appliedRedemptions).to.have.length(1);
    expect(await entriesOf(t.deps, member, 'REDEEM')).to.equal(1);
    expect(await balanceOf(t.deps, member)).to.equal(10);

    // The claim was not released: a retry of the GUID answers the same bytes, no second debit.
    expect(await t.deps.models.ToastTransaction.countDocuments({ transactionGuid: guid })).to.equal(1);
    const retry = await toast(t.app, 'LOYALTY_REDEEM', body, { guid });
    expect(retry.text).to.equal(first.text);
    expect(await entriesOf(t.deps, member, 'REDEEM')).to.equal(1);

    const reverse = await toast(t.app, 'LOYALTY_REVERSE', reverseRequest(guid, member.loyaltyIdentifier));
    expect(reverse.body.transactionStatus).to.equal('ACCEPT');
    expect(await balanceOf(t.deps, member)).to.equal(60);
    const report = await verifyLedger(t.deps.models);
    expect(report.violations, JSON.stringify(report)).to.equal(0);
  });

  it('ACCRUE whose answer cannot be stored: ACCEPT, the check recorded once, same bytes on retry', async () => {
    const member = await seedMember(t.deps, { points: 0 });
    const guid = randomUUID();
    const body = accrueRequest(member.loyaltyIdentifier, { check: { ...paidCheck({ selections: [burger(10)] }), paidDate: '2026-12-01T15:00:00.000+0000' } });
    failCompletions = 1;
    const first = await toast(t.app, 'LOYALTY_ACCRUE', body, { guid });
    expect(failCompletions, 'the injected failure was hit').to.equal(0);
    expect(first.body.transactionStatus).to.equal('ACCEPT');
    const retry = await toast(t.app, 'LOYALTY_ACCRUE', body, { guid });
    expect(retry.text).to.equal(first.text);
    expect(await t.deps.models.Accrual.countDocuments({ transactionGuids: guid })).to.equal(1);
    // The retry stored the answer the first could not: a REVERSE finds the ACCRUE by it.
    expect(await t.deps.models.ToastTransaction.countDocuments({ transactionGuid: guid, state: 'DONE' })).to.equal(1);
  });

  it('SIGNUP whose answer cannot be stored: ACCEPT with the new identifier, and the retry gets the same one', async () => {
    const guid = randomUUID();
    const body = signupRequest({ email: `commit-${randomUUID()}@example.com` });
    failCompletions = 1;
    const first = await toast(t.app, 'LOYALTY_SIGNUP', body, { guid });
    expect(first.body.transactionStatus).to.equal('ACCEPT');
    const retry = await toast(t.app, 'LOYALTY_SIGNUP', body, { guid });
    expect(retry.text).to.equal(first.text);
    expect(await t.deps.models.Member.countDocuments({ loyaltyIdentifier: first.body.signupResponse!.loyaltyIdentifier })).to.equal(1);
  });

  it('a duplicate still in flight past the wait answers ERROR and releases nothing', async () => {
    const member = await seedMember(t.deps, { points: 60 });
    const guid = randomUUID();
    const now = t.clock.now();
    // The first copy holds a live claim (its lease runs for 30 s of clock time).
    await t.deps.models.ToastTransaction.create({
      restaurantGuid: '6f9e4a52-7a7e-4c1f-9a51-2f0d6c1b7e01', transactionGuid: guid, type: 'LOYALTY_REDEEM',
      loyaltyIdentifier: identifierKey(t.deps.config.memberKeySecret, member.loyaltyIdentifier), programId: 'demo', state: 'IN_PROGRESS', requestHash: 'x',
      claimToken: 'first-copy', leaseUntil: new Date(now.getTime() + 30_000), createdAt: now,
    });
    const started = Date.now();
    const reply = await toast(t.app, 'LOYALTY_REDEEM', friesRedeem(member.loyaltyIdentifier), { guid });
    expect(reply.status).to.equal(500);
    expect(reply.body.transactionStatus).to.equal('ERROR');
    expect(Date.now() - started).to.be.lessThan(t.deps.config.idempotencyWaitMs + 1500);
    const claim = await t.deps.models.ToastTransaction.findOne({ transactionGuid: guid }).lean();
    expect(claim).to.include({ state: 'IN_PROGRESS', claimToken: 'first-copy' });
    expect(await entriesOf(t.deps, member, 'REDEEM')).to.equal(0);
  });

  /** Every completion write fails until the lease ran out; a retry then takes the claim over and re-runs. */
  async function retryAfterLostAnswer<T>(send: () => Promise<T>): Promise<T> {
    t.clock.advance(DEFAULT_LEASE_MS + 1000);
    const retry = await send();
    failCompletions = 0;
    return retry;
  }

  describe('SIGNUP whose answer is never stored', () => {
    it('a retry after the lease re-runs it and answers the same account, not ERROR_ALREADY_REGISTERED; one member', async () => {
      const email = `signup-lost-${randomUUID()}@example.com`;
      const body = signupRequest({ email });
      const guid = randomUUID();
      failCompletions = 1000;
      const first = await toast(t.app, 'LOYALTY_SIGNUP', body, { guid });
      expect(first.body.transactionStatus).to.equal('ACCEPT');
      const retry = await retryAfterLostAnswer(() => toast(t.app, 'LOYALTY_SIGNUP', body, { guid }));
      expect(retry.text).to.equal(first.text);
      expect(await t.deps.models.Member.countDocuments({ email })).to.equal(1);
      // Another SIGNUP (another GUID) of the same email is still refused.
      const other = await toast(t.app, 'LOYALTY_SIGNUP', body, { guid: randomUUID() });
      expect(other.body.transactionStatus).to.equal('ERROR_ALREADY_REGISTERED');
    });
  });

  describe('REVERSE whose answer cannot be stored', () => {
    async function redeemed() {
      const member = await seedMember(t.deps, { points: 60 });
      const redeemGuid = randomUUID();
      const redeem = await toast(t.app, 'LOYALTY_REDEEM', friesRedeem(member.loyaltyIdentifier), { guid: redeemGuid });
      expect(redeem.body.transactionStatus).to.equal('ACCEPT');
      expect(await balanceOf(t.deps, member)).to.equal(10);
      return { member, body: reverseRequest(redeemGuid, member.loyaltyIdentifier) };
    }

    it('ACCEPT, one credit, same bytes on retry, ledger clean', async () => {
      const { member, body } = await redeemed();
      const guid = randomUUID();
      failCompletions = 1;
      const first = await toast(t.app, 'LOYALTY_REVERSE', body, { guid });
      expect(failCompletions, 'the injected failure was hit').to.equal(0);
      expect(first.status).to.equal(200);
      expect(first.body.transactionStatus).to.equal('ACCEPT');
      expect(await entriesOf(t.deps, member, 'REVERSE_REDEEM')).to.equal(1);
      expect(await balanceOf(t.deps, member)).to.equal(60);
      expect(await t.deps.models.ToastTransaction.countDocuments({ transactionGuid: guid }), 'claim kept').to.equal(1);

      const retry = await toast(t.app, 'LOYALTY_REVERSE', body, { guid });
      expect(retry.text).to.equal(first.text);
      expect(await entriesOf(t.deps, member, 'REVERSE_REDEEM')).to.equal(1);
      expect(await balanceOf(t.deps, member)).to.equal(60);
      const report = await verifyLedger(t.deps.models);
      expect(report.violations, JSON.stringify(report)).to.equal(0);
    });

    it('never stored: a retry after the lease re-runs it and answers the same, crediting nothing twice', async () => {
      const { member, body } = await redeemed();
      const guid = randomUUID();
      failCompletions = 1000;
      const first = await toast(t.app, 'LOYALTY_REVERSE', body, { guid });
      expect(first.body.transactionStatus).to.equal('ACCEPT');
      const retry = await retryAfterLostAnswer(() => toast(t.app, 'LOYALTY_REVERSE', body, { guid }));
      expect(retry.text).to.equal(first.text);
      expect(await entriesOf(t.deps, member, 'REVERSE_REDEEM')).to.equal(1);
      expect(await balanceOf(t.deps, member)).to.equal(60);
      const report = await verifyLedger(t.deps.models);
      expect(report.violations, JSON.stringify(report)).to.equal(0);
    });
  });

  describe('TRANSFER whose answer cannot be stored', () => {
    async function transferable() {
      const member = await seedMember(t.deps, { points: 40, email: `transfer-${randomUUID()}@example.com` });
      const to = `NEW-${randomUUID()}`;
      return { member, to, body: transferRequest(member.loyaltyIdentifier, to) };
    }

    /** The move happened once: the account answers to `to` only, with its balance, and its ledger is clean. */
    async function movedOnce(member: Awaited<ReturnType<typeof transferable>>['member'], to: string): Promise<void> {
      expect(await t.deps.models.Member.countDocuments({ loyaltyIdentifier: to })).to.equal(1);
      expect(await t.deps.models.Member.countDocuments({ loyaltyIdentifier: member.loyaltyIdentifier })).to.equal(0);
      const byNew = await toast(t.app, 'LOYALTY_INQUIRE', inquireRequest(to));
      expect(Number(byNew.body.checkResponse!.accountInfo!.pointsBalance)).to.equal(40);
      const byOld = await toast(t.app, 'LOYALTY_INQUIRE', inquireRequest(member.loyaltyIdentifier));
      expect(byOld.body.transactionStatus).to.equal('ERROR_ACCOUNT_INVALID');
      const report = await verifyLedger(t.deps.models);
      expect(report.violations, JSON.stringify(report)).to.equal(0);
    }

    it('ACCEPT with the new identifier, moved once, same bytes on retry, ledger clean', async () => {
      const { member, to, body } = await transferable();
      const guid = randomUUID();
      failCompletions = 1;
      const first = await toast(t.app, 'LOYALTY_TRANSFER', body, { guid });
      expect(failCompletions, 'the injected failure was hit').to.equal(0);
      expect(first.status).to.equal(200);
      expect(first.body.transactionStatus).to.equal('ACCEPT');
      expect(first.body.transferResponse!.loyaltyIdentifier).to.equal(to);
      expect(await t.deps.models.ToastTransaction.countDocuments({ transactionGuid: guid }), 'claim kept').to.equal(1);
      const retry = await toast(t.app, 'LOYALTY_TRANSFER', body, { guid });
      expect(retry.text).to.equal(first.text);
      await movedOnce(member, to);
    });

    it('never stored: a retry after the lease re-runs it and answers the same ACCEPT, not a refusal', async () => {
      const { member, to, body } = await transferable();
      const guid = randomUUID();
      failCompletions = 1000;
      const first = await toast(t.app, 'LOYALTY_TRANSFER', body, { guid });
      expect(first.body.transactionStatus).to.equal('ACCEPT');
      const retry = await retryAfterLostAnswer(() => toast(t.app, 'LOYALTY_TRANSFER', body, { guid }));
      expect(retry.text).to.equal(first.text);
      await movedOnce(member, to);
    });
  });
});
