/**
 * Races (ARCHITECTURE invariants 2–4, 6): concurrent REDEEMs for a member's last reward debit
 * once; concurrent copies of one REDEEM debit once and answer identical bytes; a claim left
 * IN_PROGRESS by a crashed process is taken over after its lease without a second debit.
 */
import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../../support/app.js';
import { burger } from '../../support/demo-menu.js';
import { balanceOf, entriesOf, ledgerInvariant, seedMember } from '../../support/members.js';
import { toast } from '../../support/toast-client.js';
import { check, loyaltyDiscount, redeemRequest, redemption } from '../../support/toast-requests.js';

/** A REDEEM of "$10 Off Your Check" (150 points) on a $17.98 check. */
function tenOffRedeem(identifier: string) {
  const discount = loyaltyDiscount('ten-off', 10);
  return redeemRequest(identifier, {
    check: check({ selections: [burger(8.99), burger(8.99)], appliedDiscounts: [discount] }),
    redemptions: [redemption('ten-off', { appliedDiscountGuid: discount.guid, amount: 10 })],
  });
}

describe('Toast webhook: concurrency and idempotency', () => {
  let t: TestApp;
  before(async () => { t = await startTestApp({ dbPrefix: 'race' }); });
  after(async () => { await t.close(); });

  it('20 concurrent REDEEMs competing for the last reward: exactly one debit, all ACCEPT', async () => {
    const member = await seedMember(t.deps, { points: 150 });
    const replies = await Promise.all(Array.from({ length: 20 }, () => toast(t.app, 'LOYALTY_REDEEM', tenOffRedeem(member.loyaltyIdentifier))));
    expect(replies.every((r) => r.status === 200 && r.body.transactionStatus === 'ACCEPT')).to.equal(true);
    const applied = replies.filter((r) => r.body.checkResponse!.appliedRedemptions!.length === 1);
    const rejected = replies.filter((r) => r.body.checkResponse!.rejectedRedemptions!.length === 1);
    expect([applied.length, rejected.length]).to.deep.equal([1, 19]);
    expect(await entriesOf(t.deps, member, 'REDEEM')).to.equal(1);
    expect(await balanceOf(t.deps, member)).to.equal(0);
    expect(await ledgerInvariant(t.deps, member)).to.deep.equal({ projection: 0, sum: 0, head: 0 });
  });

  it('50 concurrent copies of one REDEEM: one debit and byte-identical responses', async () => {
    const member = await seedMember(t.deps, { points: 400 });
    const body = tenOffRedeem(member.loyaltyIdentifier);
    const guid = randomUUID();
    const replies = await Promise.all(Array.from({ length: 50 }, () => toast(t.app, 'LOYALTY_REDEEM', body, { guid })));
    expect(new Set(replies.map((r) => `${r.status} ${r.text}`)).size).to.equal(1);
    expect(replies[0]!.body.checkResponse!.appliedRedemptions).to.have.length(1);
    expect(await entriesOf(t.deps, member, 'REDEEM')).to.equal(1);
    expect(await balanceOf(t.deps, member)).to.equal(250);
    expect(await ledgerInvariant(t.deps, member)).to.deep.equal({ projection: 250, sum: 250, head: 250 });
    const late = await toast(t.app, 'LOYALTY_REDEEM', body, { guid });
    expect(late.text).to.equal(replies[0]!.text);
  });

  it('takes over a claim a crashed process left IN_PROGRESS once its lease expired, without a second debit', async () => {
    const member = await seedMember(t.deps, { points: 300 });
    const body = tenOffRedeem(member.loyaltyIdentifier);
    const guid = randomUUID();
    const first = await toast(t.app, 'LOYALTY_REDEEM', body, { guid });
    expect(await balanceOf(t.deps, member)).to.equal(150);
    // Simulate a crash after the debit and before the answer was stored.
    await t.deps.models.ToastTransaction.updateOne({ transactionGuid: guid }, {
      $set: { state: 'IN_PROGRESS', responseStatus: null, responseBody: null, leaseUntil: t.clock.now() },
      $unset: { redemptions: 1 },
    });
    t.clock.advance(60_000);
    const retried = await toast(t.app, 'LOYALTY_REDEEM', body, { guid });
    expect(retried.body.checkResponse!.appliedRedemptions).to.deep.equal(first.body.checkResponse!.appliedRedemptions);
    expect(await entriesOf(t.deps, member, 'REDEEM')).to.equal(1);
    expect(await balanceOf(t.deps, member)).to.equal(150);
    const stored = await t.deps.models.ToastTransaction.findOne({ transactionGuid: guid }).lean();
    expect([stored!.state, stored!.redemptions!.length]).to.deep.equal(['DONE', 1]);
  });

  it('a copy that finds a live claim waits for it and answers from the store', async () => {
    const member = await seedMember(t.deps, { points: 150 });
    const body = tenOffRedeem(member.loyaltyIdentifier);
    const guid = randomUUID();
    const pending = toast(t.app, 'LOYALTY_REDEEM', body, { guid });
    const copy = toast(t.app, 'LOYALTY_REDEEM', body, { guid });
    const [a, b] = await Promise.all([pending, copy]);
    expect(a.text).to.equal(b.text);
    expect(await entriesOf(t.deps, member, 'REDEEM')).to.equal(1);
  });
});
