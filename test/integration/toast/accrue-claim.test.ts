/**
 * An ACCRUE has no claim document first (issue 11 §2: ACCRUE ≤ 3 round trips): its accrual is
 * the claim, its `_id` derived from the request key, and it keeps the answer. Copies of the
 * request, concurrent or later, and a GUID reused for another body, meet that accrual and answer
 * what the first answered, with no second effect. The check's reconciliation (a redeemed
 * discount gone from the paid check is credited back) runs when the worker posts the accrual, or
 * at the ACCRUE for a check the worker does not post (no account: UNCLAIMED).
 */
import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { postAccrual } from '../../../server/loyalty/accrual/accrual.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { burger, fries } from '../../support/demo-menu.js';
import { balanceOf, entriesOf, seedMember } from '../../support/members.js';
import { toast } from '../../support/toast-client.js';
import { accrueRequest, check, loyaltyDiscount, paidCheck, redeemRequest, redemption, reverseRequest } from '../../support/toast-requests.js';

const PAID_AT = '2026-12-01T15:00:00.000+0000';

describe('Toast webhook: the ACCRUE claims itself with its accrual', () => {
  let t: TestApp;
  before(async () => { t = await startTestApp({ dbPrefix: 'accrueclaim' }); });
  after(async () => { await t.close(); });

  const paid = (dollars: number) => ({ ...paidCheck({ selections: [burger(dollars)] }), paidDate: PAID_AT, closedDate: PAID_AT });

  it('20 concurrent copies of one ACCRUE: one accrual, byte-identical ACCEPTs, one stored answer the REVERSE finds', async () => {
    const member = await seedMember(t.deps, { points: 0 });
    const guid = randomUUID();
    const body = accrueRequest(member.loyaltyIdentifier, { check: paid(10) });
    const replies = await Promise.all(Array.from({ length: 20 }, () => toast(t.app, 'LOYALTY_ACCRUE', body, { guid })));
    for (const r of replies) expect(r.text).to.equal(replies[0]!.text);
    expect(replies[0]!.body.transactionStatus).to.equal('ACCEPT');
    expect(await t.deps.models.Accrual.countDocuments({ transactionGuids: guid })).to.equal(1);
    expect(await t.deps.models.ToastTransaction.countDocuments({ transactionGuid: guid })).to.equal(1);
    const accrual = await t.deps.models.Accrual.findOne({ transactionGuids: guid }).lean();
    await postAccrual(t.deps, String(accrual!._id), t.clock.now());
    expect(await balanceOf(t.deps, member)).to.be.greaterThan(0);
    expect((await toast(t.app, 'LOYALTY_REVERSE', reverseRequest(guid, member.loyaltyIdentifier))).body.transactionStatus).to.equal('ACCEPT');
    expect(await balanceOf(t.deps, member)).to.equal(0);
  });

  it('a GUID reused for another check answers the first answer and records nothing for the other check', async () => {
    const member = await seedMember(t.deps, { points: 0 });
    const guid = randomUUID();
    const first = await toast(t.app, 'LOYALTY_ACCRUE', accrueRequest(member.loyaltyIdentifier, { check: paid(10) }), { guid });
    const other = paid(40);
    const reused = await toast(t.app, 'LOYALTY_ACCRUE', accrueRequest(member.loyaltyIdentifier, { check: other }), { guid });
    expect(reused.text).to.equal(first.text);
    expect(await t.deps.models.Accrual.countDocuments({ checkGuid: other.guid })).to.equal(0);
    expect(await t.deps.models.Accrual.countDocuments({ transactionGuids: guid })).to.equal(1);
  });

  it('an answer lost before it was stored (the process died after the accrual) is answered again from the accrual, then stored', async () => {
    const member = await seedMember(t.deps, { points: 0 });
    const guid = randomUUID();
    const body = accrueRequest(member.loyaltyIdentifier, { check: paid(10) });
    const first = await toast(t.app, 'LOYALTY_ACCRUE', body, { guid });
    await t.deps.models.ToastTransaction.deleteOne({ transactionGuid: guid });
    const retry = await toast(t.app, 'LOYALTY_ACCRUE', body, { guid });
    expect(retry.text).to.equal(first.text);
    expect(await t.deps.models.Accrual.countDocuments({ transactionGuids: guid })).to.equal(1);
    const stored = await t.deps.models.ToastTransaction.findOne({ transactionGuid: guid }).lean();
    expect(stored?.accrualId).to.be.a('string');
  });

  describe('a redeemed discount gone from the paid check', () => {
    async function redeemedFries(points: number) {
      const member = await seedMember(t.deps, { points });
      const d = loyaltyDiscount('free-fries', 3.49);
      const side = fries(3.49, { appliedDiscounts: [d] });
      const c = check({ selections: [burger(10), side] });
      await toast(t.app, 'LOYALTY_REDEEM', redeemRequest(member.loyaltyIdentifier, {
        check: c, redemptions: [redemption('free-fries', { selectionGuid: side.guid, appliedDiscountGuid: d.guid })],
      }));
      // Paid without the fries' discount.
      const paidCheckNoDiscount = { ...paidCheck({ ...c, selections: [burger(10), { ...side, appliedDiscounts: [] }] }), paidDate: PAID_AT, closedDate: PAID_AT };
      return { member, paidCheckNoDiscount };
    }

    it('is credited back when the worker posts the accrual (not by the ACCRUE itself), once', async () => {
      const { member, paidCheckNoDiscount } = await redeemedFries(60);
      expect(await balanceOf(t.deps, member)).to.equal(10);
      const guid = randomUUID();
      await toast(t.app, 'LOYALTY_ACCRUE', accrueRequest(member.loyaltyIdentifier, { check: paidCheckNoDiscount }), { guid });
      expect(await entriesOf(t.deps, member, 'REVERSE_REDEEM')).to.equal(0);
      const accrual = await t.deps.models.Accrual.findOne({ transactionGuids: guid }).lean();
      await postAccrual(t.deps, String(accrual!._id), t.clock.now());
      await postAccrual(t.deps, String(accrual!._id), t.clock.now());
      expect(await entriesOf(t.deps, member, 'REVERSE_REDEEM')).to.equal(1);
      expect(await balanceOf(t.deps, member)).to.equal(10 + 50 + 13);
    });

    it('is credited back at the ACCRUE when the check names no account (UNCLAIMED: nothing to post)', async () => {
      const { member, paidCheckNoDiscount } = await redeemedFries(60);
      await toast(t.app, 'LOYALTY_ACCRUE', accrueRequest(null, { check: paidCheckNoDiscount }));
      expect(await entriesOf(t.deps, member, 'REVERSE_REDEEM')).to.equal(1);
      expect(await balanceOf(t.deps, member)).to.equal(60);
    });
  });
});
